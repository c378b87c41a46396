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
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Notification;

/**
 * Resumes deliveries whose time has come: one whose sender crashed between storing it and sending,
 * a retry after a transient failure, a message held by quiet hours, a receipt that did not come in
 * time (the next channel's turn). Runs on one instance at a time (a cluster lease); each
 * notification is claimed with a version-guarded write before it is sent, so a sweeper and a late
 * sender never both send it.
 */
@Component
public class DeliverySweeper {
    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);
    private static final String LEASE = "notification-delivery-sweeper";
    /** Longer than one send may take, retries and rate limit included: the claim keeps others off meanwhile. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final AggregateStore notifications;
    private final Dispatcher dispatcher;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration interval;

    DeliverySweeper(MongoTemplate mongo, AggregateStore notifications, Dispatcher dispatcher, ClusterLease lease, Clock clock,
            @Value("${motcua.notification.sweep-interval:PT15S}") Duration interval) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${motcua.notification.sweep-interval:PT15S}",
            initialDelayString = "${motcua.notification.sweep-initial-delay:PT20S}")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(4))) {
            sweep(clock.instant());
        }
    }

    /** @return how many deliveries it took up */
    public int sweep(Instant now) {
        Query due = new Query(where("status").is(Notification.Status.SENDING.name()).and("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(200);
        int taken = 0;
        for (Notification notification : mongo.find(due, Notification.class)) {
            try {
                Delivery current = notification.currentDelivery();
                notifications.update(notification, current.status() == Delivery.Status.ACCEPTED ? notification.receiptOverdue(now)
                        : notification.claim(now, CLAIM));
            } catch (OptimisticLockingFailureException | IllegalStateException takenMeanwhile) {
                continue;
            }
            dispatcher.sendNow(notification);
            taken++;
        }
        if (taken > 0) {
            log.info("Delivery sweeper took up {} notification(s)", taken);
        }
        return taken;
    }
}
