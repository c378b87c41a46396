package vn.motcua.payment.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import vn.motcua.events.Event;
import vn.motcua.kit.lease.ClusterLease;

/**
 * A daily round that reminds citizens of something about their orders, on one instance at a time (a cluster lease): the
 * orders its query finds are each changed as stored now (the order decides, and records it, so a second round that day
 * reminds no one again), and those reminded are counted.
 */
public abstract class ReminderRound {
    private static final Logger log = LoggerFactory.getLogger(ReminderRound.class);

    private final MongoTemplate mongo;
    private final Orders orders;
    private final ClusterLease lease;
    private final String leaseName;
    private final Clock clock;

    protected ReminderRound(MongoTemplate mongo, Orders orders, ClusterLease lease, String leaseName, Clock clock) {
        this.mongo = mongo;
        this.orders = orders;
        this.lease = lease;
        this.leaseName = leaseName;
        this.clock = clock;
    }

    /** What the subclass's schedule calls: the round runs on the instance that takes the lease. */
    protected final void onOneInstance() {
        if (lease.tryAcquire(leaseName, Duration.ofMinutes(30))) {
            remind(clock.instant());
        }
    }

    /** @return how many citizens were reminded this time */
    public final int remind(Instant now) {
        int reminded = orders.changeEach(mongo.find(candidates(now), PaymentOrder.class), order -> remind(order, now));
        if (reminded > 0) {
            log.info("{}: {} citizen(s) reminded", leaseName, reminded);
        }
        return reminded;
    }

    /** The orders that may need a reminder now; each decides for itself. */
    protected abstract Query candidates(Instant now);

    /** @return the reminder's event, or {@code AggregateStore.UNCHANGED} when the order needs none */
    protected abstract List<Event> remind(PaymentOrder order, Instant now);
}
