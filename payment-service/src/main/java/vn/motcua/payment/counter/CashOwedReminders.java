package vn.motcua.payment.counter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.ReminderRound;

/**
 * Each morning, citizens who have not come for the cash the counter owes them are reminded, once, when it has waited
 * {@code motcua.payment.cash-owed.remind-after} (ADR 0074). They were told once, when it was noted ({@code PaymentRefunded});
 * the money otherwise sat in the drawer's {@code owed} list for good.
 */
@Component
class CashOwedReminders extends ReminderRound {
    private final Duration remindAfter;

    CashOwedReminders(MongoTemplate mongo, Orders orders, ClusterLease lease,
            @Value("${motcua.payment.cash-owed.remind-after}") Duration remindAfter, Clock clock) {
        super(mongo, orders, lease, "payment-cash-owed-reminders", clock);
        this.remindAfter = remindAfter;
    }

    @Scheduled(cron = "${motcua.payment.cash-owed.cron}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        onOneInstance();
    }

    /** Orders owing cash noted long enough ago and not handed over, whose citizen was not reminded. */
    @Override
    protected Query candidates(Instant now) {
        Instant notedBy = now.minus(remindAfter);
        Criteria owed = CashBook.cashGoingBack(side -> where(side.paidOut).is(null).and(side.notedAt).lte(notedBy));
        return new Query(new Criteria().andOperator(owed, where("cashOwedRemindedAt").is(null)));
    }

    @Override
    protected List<Event> remind(PaymentOrder order, Instant now) {
        return order.remindCashOwed(now.minus(remindAfter), now);
    }
}
