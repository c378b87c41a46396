package vn.motcua.payment.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;

/**
 * Asks the provider once about each attempt whose page expired unanswered (ADR 0049), in the
 * expiry's round ({@link ExpiresOrders}), before it expires any order. A payment or refusal it
 * knows is applied as a notification would be; an attempt it knows neither of has lapsed. So each
 * attempt is one question, asked a few minutes after its page closed, and an order's expiry asks
 * only about the pages still open.
 */
@Component
public class LapsedAttempts {
    private static final Logger log = LoggerFactory.getLogger(LapsedAttempts.class);

    private final MongoTemplate mongo;
    private final Orders orders;
    private final ProviderAnswers answers;
    private final Duration grace;
    private final int batch;

    LapsedAttempts(MongoTemplate mongo, Orders orders, ProviderAnswers answers,
            @Value("${motcua.payment.lapse.grace:PT5M}") Duration grace, @Value("${motcua.payment.expiry.batch:200}") int batch) {
        this.mongo = mongo;
        this.orders = orders;
        this.answers = answers;
        this.grace = grace;
        this.batch = batch;
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
            List<String> unknown = new ArrayList<>();
            boolean unreachable = false;
            for (Attempt attempt : order.attempts()) {
                if (unreachable || !attempt.unanswered() || !attempt.expiresAt().isBefore(closedBy)) {
                    continue;
                }
                switch (answers.ask(order, attempt)) {
                    case UNREACHABLE -> unreachable = true;
                    case NOTHING -> unknown.add(attempt.reference());
                    case PAID, REFUSED -> answered++;
                }
            }
            // One change of the order for all its attempts that lapse, those asked before the provider went away included.
            if (!unknown.isEmpty()) {
                orders.change(order.id(), current -> current.lapse(unknown, now));
                lapsed += unknown.size();
            }
            if (unreachable) {
                return answered + lapsed;
            }
        }
        if (answered + lapsed > 0) {
            log.info("Payment attempts whose pages closed: {} answered by the provider's query, {} lapsed unanswered", answered, lapsed);
        }
        return answered + lapsed;
    }
}
