package vn.motcua.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.notification.inbox.Notification;

/**
 * Resumes emails left pending: one whose sender crashed between storing the notification and
 * sending it, and one whose attempt failed and whose retry time has come. Runs on one instance at a
 * time (a cluster lease); each email is claimed with a version-guarded write before it is sent, so
 * a sweeper and a late sender never both send it.
 */
@Component
public class EmailSweeper {
    private static final Logger log = LoggerFactory.getLogger(EmailSweeper.class);
    private static final String LEASE = "notification-email-sweeper";
    /** Longer than sending one email may take: the claim keeps others off meanwhile. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final AggregateStore notifications;
    private final EmailSender emails;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration interval;

    EmailSweeper(MongoTemplate mongo, AggregateStore notifications, EmailSender emails, ClusterLease lease, Clock clock,
            @Value("${motcua.notification.sweep-interval:PT15S}") Duration interval) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.emails = emails;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${motcua.notification.sweep-interval:PT15S}", initialDelayString = "PT20S")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(4))) {
            sweep(clock.instant());
        }
    }

    /** @return how many emails it tried to send */
    public int sweep(Instant now) {
        // Emails stored before due times existed are due since they were created.
        Query due = new Query(where("emailStatus").is(Notification.EmailStatus.PENDING.name())
                .orOperator(where("emailDueAt").lte(now), where("emailDueAt").exists(false)))
                .with(Sort.by("emailDueAt")).limit(200);
        int tried = 0;
        for (Notification pending : mongo.find(due, Notification.class)) {
            try {
                notifications.update(pending, pending.claimEmail(now, CLAIM));
            } catch (OptimisticLockingFailureException | IllegalStateException takenMeanwhile) {
                continue;
            }
            emails.send(pending);
            tried++;
        }
        if (tried > 0) {
            log.info("Email sweeper sent {} pending email(s)", tried);
        }
        return tried;
    }
}
