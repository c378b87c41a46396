package vn.motcua.payment.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.ordering.ReminderRound;

/**
 * Each morning, citizens with a fee still unpaid whose pay-by time is {@code motcua.payment.due-soon.remind-before} away or
 * nearer are reminded, once (ADR 0076). They were told once, when it was asked ({@code PaymentRequested}); a citizen who
 * missed that message heard of the fee next when it was overdue.
 */
@Component
class DueSoonReminders extends ReminderRound {
    private final Duration remindBefore;

    DueSoonReminders(MongoTemplate mongo, Orders orders, ClusterLease lease,
            @Value("${motcua.payment.due-soon.remind-before}") Duration remindBefore, Clock clock) {
        super(mongo, orders, lease, "payment-due-soon-reminders", clock);
        this.remindBefore = remindBefore;
    }

    @Scheduled(cron = "${motcua.payment.due-soon.cron}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        onOneInstance();
    }

    /** Asked for, its pay-by time within the window and not passed, not reminded: the "due" index leads to them. */
    @Override
    protected Query candidates(Instant now) {
        return new Query(where("status").is(PaymentStatus.REQUESTED.name()).and("payBy").gt(now).lte(now.plus(remindBefore))
                .and("dueSoonRemindedAt").is(null));
    }

    @Override
    protected List<Event> remind(PaymentOrder order, Instant now) {
        return order.remindDueSoon(remindBefore, now);
    }
}
