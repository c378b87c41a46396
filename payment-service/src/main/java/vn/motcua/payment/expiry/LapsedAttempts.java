package vn.motcua.payment.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.online.Confirmations;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.ordering.Settlement;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * Asks the provider once about each attempt whose page expired unanswered (ADR 0049), on one
 * instance at a time. A payment or refusal it knows is applied as a notification would be; an
 * attempt it knows neither of has lapsed. So each attempt is one question, asked a few minutes
 * after its page closed, and an order's expiry asks only about the pages still open.
 */
@Component
public class LapsedAttempts {
    private static final Logger log = LoggerFactory.getLogger(LapsedAttempts.class);
    private static final String LEASE = "payment-lapsed-attempts";

    private final MongoTemplate mongo;
    private final Orders orders;
    private final Confirmations confirmations;
    private final PaymentProvider provider;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration interval;
    private final Duration grace;
    private final int batch;

    LapsedAttempts(MongoTemplate mongo, Orders orders, Confirmations confirmations, PaymentProvider provider, ClusterLease lease,
            Clock clock, @Value("${motcua.payment.lapse.interval:PT1M}") Duration interval,
            @Value("${motcua.payment.lapse.grace:PT5M}") Duration grace, @Value("${motcua.payment.lapse.batch:200}") int batch) {
        this.mongo = mongo;
        this.orders = orders;
        this.confirmations = confirmations;
        this.provider = provider;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
        this.grace = grace;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${motcua.payment.lapse.interval:PT1M}", initialDelayString = "${motcua.payment.lapse.initial-delay:PT40S}")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(3))) {
            settleDue(clock.instant());
        }
    }

    /**
     * The grace after a page's expiry leaves the provider's own notification time to arrive, and
     * a payer who pressed "pay" in the page's last second time to be answered.
     *
     * @return how many attempts were settled: answered by the query, or lapsed
     */
    public int settleDue(Instant now) {
        Instant closedBy = now.minus(grace);
        Query due = new Query(where("attempts").elemMatch(where("state").is(Attempt.State.PENDING.name()).and("expiresAt").lt(closedBy)))
                .limit(batch);
        int answered = 0;
        int lapsed = 0;
        for (PaymentOrder order : mongo.find(due, PaymentOrder.class)) {
            for (Attempt attempt : order.attempts()) {
                if (!attempt.unanswered() || !attempt.expiresAt().isBefore(closedBy)) {
                    continue;
                }
                Optional<ProviderResult> answer;
                try {
                    answer = provider.query(attempt.reference(), attempt.createdAt());
                } catch (PaymentProvider.Unavailable e) {
                    log.warn("Cannot ask the provider about attempt {} of {}: {}; asked again next round", attempt.reference(), order.id(),
                            e.getMessage());
                    return answered + lapsed;
                }
                if (answer.isPresent() && confirmations.confirm(answer.get()) != Settlement.WRONG_AMOUNT) {
                    answered++;
                    continue;
                }
                if (answer.isPresent()) {
                    log.warn("The provider reports attempt {} of {} with another amount ({}); it lapses and the daily reconciliation"
                            + " shows the difference", attempt.reference(), order.id(), answer.get().amount());
                }
                orders.change(order.id(), current -> current.lapse(attempt.reference(), now));
                lapsed++;
            }
        }
        if (answered + lapsed > 0) {
            log.info("Payment attempts whose pages closed: {} answered by the provider's query, {} lapsed unanswered", answered, lapsed);
        }
        return answered + lapsed;
    }
}
