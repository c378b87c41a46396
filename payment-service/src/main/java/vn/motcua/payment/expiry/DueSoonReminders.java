package vn.motcua.payment.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;

/**
 * Each morning, on one instance, citizens with a fee still unpaid whose pay-by time is {@code motcua.payment.due-soon.remind-before}
 * away or nearer are reminded, once (ADR 0076). They were told once, when it was asked ({@code PaymentRequested}); a citizen
 * who missed that message heard of the fee next when it was overdue.
 */
@Component
class DueSoonReminders {
    private static final Logger log = LoggerFactory.getLogger(DueSoonReminders.class);
    private static final String LEASE = "payment-due-soon-reminders";

    private final MongoTemplate mongo;
    private final Orders orders;
    private final ClusterLease lease;
    private final Duration remindBefore;
    private final Clock clock;

    DueSoonReminders(MongoTemplate mongo, Orders orders, ClusterLease lease,
            @Value("${motcua.payment.due-soon.remind-before}") Duration remindBefore, Clock clock) {
        this.mongo = mongo;
        this.orders = orders;
        this.lease = lease;
        this.remindBefore = remindBefore;
        this.clock = clock;
    }

    @Scheduled(cron = "${motcua.payment.due-soon.cron}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        if (lease.tryAcquire(LEASE, Duration.ofMinutes(30))) {
            remind(clock.instant());
        }
    }

    /** @return how many citizens were reminded this time */
    int remind(Instant now) {
        // The "due" index leads to them: asked for, pay-by time within the window and not passed.
        Query dueSoon = new Query(where("status").is(PaymentStatus.REQUESTED.name()).and("payBy").gt(now).lte(now.plus(remindBefore))
                .and("dueSoonRemindedAt").is(null));
        int reminded = orders.changeEach(mongo.find(dueSoon, PaymentOrder.class), order -> order.remindDueSoon(remindBefore, now));
        if (reminded > 0) {
            log.info("{} citizen(s) reminded of a fee due by {}", reminded, now.plus(remindBefore));
        }
        return reminded;
    }
}
