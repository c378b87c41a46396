package vn.motcua.payment.online;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.AttemptReferences;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.ordering.Settlement;
import vn.motcua.payment.refunds.Refunds;

/**
 * Applies what the provider says of an attempt, from a notification or its query API: the only
 * two ways an order's payment changes. Concurrent copies of one notification each read the order
 * as the others left it, so exactly one completes it and the rest are told "already confirmed".
 */
@Component
public class Confirmations {
    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final AttemptReferences references;
    private final Orders orders;
    private final Refunds refunds;
    private final Clock clock;

    Confirmations(AttemptReferences references, Orders orders, Refunds refunds, Clock clock) {
        this.references = references;
        this.orders = orders;
        this.refunds = refunds;
        this.clock = clock;
    }

    public Settlement confirm(ProviderResult result) {
        String orderId = references.orderOf(result.reference()).orElse(null);
        if (orderId == null) {
            return Settlement.ORDER_NOT_FOUND;
        }
        AtomicReference<PaymentOrder.Outcome> outcome = new AtomicReference<>();
        PaymentOrder order = orders.change(orderId, candidate -> {
            outcome.set(candidate.settle(result, clock.instant()));
            return outcome.get().events();
        });
        Settlement settlement = outcome.get().settlement();
        // Also when the provider notifies again because the refund failed the first time (the answer was 99).
        if (order.attempt(result.reference()).map(Attempt::owesSurplusRefund).orElse(false)) {
            log.warn("Order {} was paid again or after it was cancelled (attempt {}): the surplus goes back", orderId,
                    result.reference());
            refunds.refundSurplus(order, result.reference());
        }
        return settlement;
    }
}
