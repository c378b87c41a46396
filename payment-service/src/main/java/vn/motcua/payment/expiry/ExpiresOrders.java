package vn.motcua.payment.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.online.Confirmations;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * Expires orders not paid by their pay-by time, on one instance at a time (a cluster lease).
 * Before expiring one it asks the provider about the attempts still open: a payment whose
 * notification was lost completes the order instead (the query API is the other authoritative
 * source). An attempt confirmed after the expiry still completes the order (ADR 0018).
 */
@Component
public class ExpiresOrders {
    private static final Logger log = LoggerFactory.getLogger(ExpiresOrders.class);
    private static final String LEASE = "payment-expiry";

    private final MongoTemplate mongo;
    private final Orders orders;
    private final Confirmations confirmations;
    private final PaymentProvider provider;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration interval;
    private final int batch;

    ExpiresOrders(MongoTemplate mongo, Orders orders, Confirmations confirmations, PaymentProvider provider, ClusterLease lease,
            Clock clock, @Value("${motcua.payment.expiry.interval:PT1M}") Duration interval,
            @Value("${motcua.payment.expiry.batch:200}") int batch) {
        this.mongo = mongo;
        this.orders = orders;
        this.confirmations = confirmations;
        this.provider = provider;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${motcua.payment.expiry.interval:PT1M}", initialDelayString = "${motcua.payment.expiry.initial-delay:PT20S}")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(3))) {
            expireDue(clock.instant());
        }
    }

    /** @return how many orders expired */
    public int expireDue(Instant now) {
        Query due = new Query(where("status").is(PaymentStatus.REQUESTED.name()).and("payBy").lte(now))
                .with(Sort.by("payBy")).limit(batch);
        int expired = 0;
        for (PaymentOrder order : mongo.find(due, PaymentOrder.class)) {
            if (paidMeanwhile(order)) {
                continue;
            }
            PaymentOrder after = orders.change(order.id(), current -> current.expire(now));
            if (after.status() == PaymentStatus.EXPIRED) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("{} payment order(s) expired unpaid", expired);
        }
        return expired;
    }

    private boolean paidMeanwhile(PaymentOrder order) {
        for (Attempt attempt : order.attempts()) {
            if (!attempt.unanswered()) {
                continue;
            }
            Optional<ProviderResult> answer;
            try {
                answer = provider.query(attempt.reference(), attempt.createdAt());
            } catch (PaymentProvider.Unavailable e) {
                log.warn("Cannot ask the provider about attempt {} of {}: {}; the order waits for the next round", attempt.reference(),
                        order.id(), e.getMessage());
                return true;
            }
            if (answer.isPresent()) {
                confirmations.confirm(answer.get());
                if (answer.get().succeeded()) {
                    return true;
                }
            }
        }
        return false;
    }
}
