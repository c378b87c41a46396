package vn.motcua.payment.counter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;

/**
 * Each morning, on one instance, citizens who have not come for the cash the counter owes them are reminded, once, when it
 * has waited {@code motcua.payment.cash-owed.remind-after} (ADR 0074). They were told once, when it was noted
 * ({@code PaymentRefunded}); the money otherwise sat in the drawer's {@code owed} list for good.
 */
@Component
class CashOwedReminders {
    private static final Logger log = LoggerFactory.getLogger(CashOwedReminders.class);
    private static final String LEASE = "payment-cash-owed-reminders";

    private final MongoTemplate mongo;
    private final Orders orders;
    private final ClusterLease lease;
    private final Duration remindAfter;
    private final Clock clock;

    CashOwedReminders(MongoTemplate mongo, Orders orders, ClusterLease lease,
            @Value("${motcua.payment.cash-owed.remind-after}") Duration remindAfter, Clock clock) {
        this.mongo = mongo;
        this.orders = orders;
        this.lease = lease;
        this.remindAfter = remindAfter;
        this.clock = clock;
    }

    @Scheduled(cron = "${motcua.payment.cash-owed.cron}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        if (lease.tryAcquire(LEASE, Duration.ofMinutes(30))) {
            remind(clock.instant());
        }
    }

    /** @return how many citizens were reminded this time */
    int remind(Instant now) {
        Instant notedBy = now.minus(remindAfter);
        int reminded = orders.changeEach(mongo.find(owedSince(notedBy), PaymentOrder.class), order -> order.remindCashOwed(notedBy, now));
        if (reminded > 0) {
            log.info("{} citizen(s) reminded of cash waiting for them at the counter since before {}", reminded, notedBy);
        }
        return reminded;
    }

    /** Orders owing cash noted before then and not handed over, whose citizen was not reminded. */
    private static Query owedSince(Instant notedBy) {
        Criteria owed = CashBook.cashGoingBack(side -> where(side.paidOut).is(null).and(side.notedAt).lte(notedBy));
        return new Query(new Criteria().andOperator(owed, where("cashOwedRemindedAt").is(null)));
    }
}
