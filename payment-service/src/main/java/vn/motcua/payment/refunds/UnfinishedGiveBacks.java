package vn.motcua.payment.refunds;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * Fees the postman collected twice whose online refund the provider could not be asked for (unreachable, or an answer
 * without its checksum) are asked for again every few minutes, on one instance at a time, under the same request id
 * (ADR 0067). The collection's event was handled when it came: the citizen's money does not wait for someone to replay a
 * parked event, and a provider that is away for an hour parks nothing. Each round leaves two gauges for ops' alerts: how
 * many are still unfinished, and how long the oldest has waited since the postman collected (ADR 0067).
 */
@Component
public class UnfinishedGiveBacks {
    private static final Logger log = LoggerFactory.getLogger(UnfinishedGiveBacks.class);
    private static final String LEASE = "payment-give-backs";

    private final MongoTemplate mongo;
    private final Refunds refunds;
    private final ClusterLease lease;
    private final Duration interval;
    private final int batch;
    private final Clock clock;
    private final AtomicLong unfinished = new AtomicLong();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();

    UnfinishedGiveBacks(MongoTemplate mongo, Refunds refunds, ClusterLease lease,
            @Value("${motcua.payment.give-backs.interval:PT5M}") Duration interval,
            @Value("${motcua.payment.give-backs.batch:100}") int batch, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.refunds = refunds;
        this.lease = lease;
        this.interval = interval;
        this.batch = batch;
        this.clock = clock;
        Gauge.builder("motcua.payment.give-backs.unfinished", unfinished, AtomicLong::get)
                .description("Fees collected twice whose online refund is still to be asked for, as the last round left them").register(meters);
        Gauge.builder("motcua.payment.give-backs.oldest.waiting", oldestWaitingSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest unfinished give-back has waited since the postman collected, as the last round left it")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${motcua.payment.give-backs.interval:PT5M}",
            initialDelayString = "${motcua.payment.give-backs.initial-delay:PT1M}")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(3))) {
            carryOn();
        }
    }

    /** @return how many went back this time */
    public int carryOn() {
        int done = 0;
        try {
            for (PaymentOrder order : mongo.find(unfinished().limit(batch), PaymentOrder.class)) {
                if (refunds.carryOnGiveBack(order).collectedTwice().done()) {
                    done++;
                }
            }
        } catch (PaymentProvider.Unavailable stillAway) {
            log.warn("The provider is still unreachable; fees collected twice go back later: {}", stillAway.getMessage());
        } finally {
            countWhatIsLeft();
        }
        if (done > 0) {
            log.info("{} payment(s) made twice given back", done);
        }
        return done;
    }

    private void countWhatIsLeft() {
        long left = mongo.count(unfinished(), PaymentOrder.class);
        unfinished.set(left);
        PaymentOrder oldest = left == 0 ? null
                : mongo.findOne(unfinished().with(Sort.by("collectedTwice.collectedAt")).limit(1), PaymentOrder.class);
        oldestWaitingSeconds.set(oldest == null ? 0
                : Math.max(0, Duration.between(oldest.collectedTwice().collectedAt(), clock.instant()).toSeconds()));
        if (left > 0) {
            log.warn("{} give-back(s) of fees collected twice still wait for the provider, the oldest for {} s", left,
                    oldestWaitingSeconds.get());
        }
    }

    private static Query unfinished() {
        return new Query(where("collectedTwice.givenBackAs").is(PaymentMethod.ONLINE.name()).and("collectedTwice.givenBackAt").is(null));
    }
}
