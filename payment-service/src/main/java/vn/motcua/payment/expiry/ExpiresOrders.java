package vn.motcua.payment.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;

/**
 * Every minute, on one instance at a time (a cluster lease), settles the attempts whose pages
 * closed unanswered ({@link LapsedAttempts}), then expires orders not paid by their pay-by time.
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
    private final ProviderAnswers answers;
    private final LapsedAttempts lapsedAttempts;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration interval;
    private final int batch;

    ExpiresOrders(MongoTemplate mongo, Orders orders, ProviderAnswers answers, LapsedAttempts lapsedAttempts, ClusterLease lease,
            Clock clock, @Value("${motcua.payment.expiry.interval:PT1M}") Duration interval,
            @Value("${motcua.payment.expiry.batch:200}") int batch) {
        this.mongo = mongo;
        this.orders = orders;
        this.answers = answers;
        this.lapsedAttempts = lapsedAttempts;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${motcua.payment.expiry.interval:PT1M}", initialDelayString = "${motcua.payment.expiry.initial-delay:PT20S}")
    void scheduled() {
        if (lease.tryAcquire(LEASE, interval.multipliedBy(3))) {
            Instant now = clock.instant();
            lapsedAttempts.settleDue(now);
            expireDue(now);
        }
    }

    /**
     * Fees the postman collects with a result still with the post are not read: they do not fall overdue (ADR 0078), and
     * left among the candidates they would fill every batch once a busy province had enough of them.
     *
     * @return how many orders expired
     */
    public int expireDue(Instant now) {
        Criteria notWithThePostman = new Criteria().orOperator(where("collectableByPost").ne(true), where("leftToCounterAt").ne(null));
        Query due = new Query(where("status").is(PaymentStatus.REQUESTED.name()).and("payBy").lte(now).andOperator(notWithThePostman))
                .with(Sort.by("payBy")).limit(batch);
        int expired = 0;
        for (PaymentOrder order : mongo.find(due, PaymentOrder.class)) {
            if (stillSettling(order, now)) {
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

    /**
     * Paid meanwhile, or it may still be. A provider's page still open may yet take the citizen's money: the order waits
     * for it to close, rather than tell a citizen who is paying that the fee is overdue (pages are no longer cut at the
     * pay-by time, ADR 0073). A page closed unanswered is asked about. While the provider cannot be asked, the order waits
     * for the next round rather than expire on a guess.
     */
    private boolean stillSettling(PaymentOrder order, Instant now) {
        if (!order.openAttempts(now).isEmpty()) {
            return true;
        }
        for (Attempt attempt : order.attempts()) {
            if (attempt.unanswered()) {
                ProviderAnswers.Found found = answers.ask(order, attempt);
                if (found == ProviderAnswers.Found.PAID || found == ProviderAnswers.Found.UNREACHABLE) {
                    return true;
                }
            }
        }
        return false;
    }
}
