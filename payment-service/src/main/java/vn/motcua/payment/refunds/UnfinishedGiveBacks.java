package vn.motcua.payment.refunds;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * parked event, and a provider that is away for an hour parks nothing.
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

    UnfinishedGiveBacks(MongoTemplate mongo, Refunds refunds, ClusterLease lease,
            @Value("${motcua.payment.give-backs.interval:PT5M}") Duration interval,
            @Value("${motcua.payment.give-backs.batch:100}") int batch) {
        this.mongo = mongo;
        this.refunds = refunds;
        this.lease = lease;
        this.interval = interval;
        this.batch = batch;
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
        Query unfinished = new Query(where("collectedTwice.givenBackAs").is(PaymentMethod.ONLINE.name())
                .and("collectedTwice.givenBackAt").is(null)).limit(batch);
        int done = 0;
        for (PaymentOrder order : mongo.find(unfinished, PaymentOrder.class)) {
            try {
                if (refunds.carryOnGiveBack(order).collectedTwice().done()) {
                    done++;
                }
            } catch (PaymentProvider.Unavailable stillAway) {
                log.warn("The provider is still unreachable; fees collected twice go back later: {}", stillAway.getMessage());
                return done;
            }
        }
        if (done > 0) {
            log.info("{} payment(s) made twice given back", done);
        }
        return done;
    }
}
