package vn.motcua.dossier.processing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.DeadlineFlag;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.events.Event;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.outbox.AggregateStore;

/**
 * Finds dossiers that are due soon or late and flags them, once per due date, with an event
 * each. Runs on one instance at a time (a lease in MongoDB); a dossier changed by someone
 * while the watch looked at it is simply looked at again on the next run.
 */
@Component
public class DeadlineWatch {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final String LEASE = "dossier-deadline-watch";

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final DeadlinePolicy deadlines;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration interval;
    private final int batch;

    DeadlineWatch(MongoTemplate mongo, AggregateStore aggregates, DeadlinePolicy deadlines,
            ClusterLease lease, Clock clock,
            @Value("${motcua.dossier.deadlines.watch-interval:PT5M}") Duration interval,
            @Value("${motcua.dossier.deadlines.watch-batch:500}") int batch) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.deadlines = deadlines;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.deadlines.watch-interval:PT5M}",
            initialDelayString = "${motcua.dossier.deadlines.watch-initial-delay:PT30S}")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(2))) {
            watch(clock.instant());
        }
    }

    /** @return how many dossiers were flagged */
    public int watch(Instant now) {
        var today = deadlines.today(now);
        Query dueSoon = new Query(where("status").in(NationalStatus.CLOCK_RUNNING.stream().map(Enum::name).toList())
                .and("dueDate").lte(deadlines.atRiskHorizon(today))
                .and("deadlineFlag").ne(DeadlineFlag.OVERDUE.name()))
                .with(Sort.by("dueDate")).limit(batch);
        int flagged = 0;
        for (Dossier dossier : mongo.find(dueSoon, Dossier.class)) {
            List<Event> events = dossier.watchDeadline(deadlines, now);
            if (events.isEmpty()) {
                continue;
            }
            try {
                aggregates.update(dossier, events);
                flagged++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("Dossier {} changed while the deadline watch looked at it; next run", dossier.code());
            }
        }
        if (flagged > 0) {
            log.info("Deadline watch flagged {} dossier(s)", flagged);
        }
        return flagged;
    }
}
