package vn.motcua.payment.expiry;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.payment.online.Confirmations;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.ordering.Settlement;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * Asks the provider's query API what became of one unanswered attempt and applies its answer as a
 * notification would be applied: the other authoritative source, for a notification that was lost.
 */
@Component
class ProviderAnswers {
    private static final Logger log = LoggerFactory.getLogger(ProviderAnswers.class);

    /** What the question found. */
    enum Found {
        /** The provider took the money: the order is completed (or the surplus recorded). */
        PAID,
        /** The provider refused it: recorded as failed. */
        REFUSED,
        /** The provider knows neither, or reports another amount (logged; the reconciliation shows it). */
        NOTHING,
        /** The provider could not be reached: ask again later. */
        UNREACHABLE
    }

    private final PaymentProvider provider;
    private final Confirmations confirmations;

    ProviderAnswers(PaymentProvider provider, Confirmations confirmations) {
        this.provider = provider;
        this.confirmations = confirmations;
    }

    Found ask(PaymentOrder order, Attempt attempt) {
        Optional<ProviderResult> answer;
        try {
            answer = provider.query(attempt.reference(), attempt.createdAt());
        } catch (PaymentProvider.Unavailable e) {
            log.warn("Cannot ask the provider about attempt {} of {}: {}; asked again next round", attempt.reference(), order.id(),
                    e.getMessage());
            return Found.UNREACHABLE;
        }
        if (answer.isEmpty()) {
            return Found.NOTHING;
        }
        if (confirmations.confirm(answer.get()) == Settlement.WRONG_AMOUNT) {
            log.warn("The provider reports attempt {} of {} with another amount ({}); the daily reconciliation shows the difference",
                    attempt.reference(), order.id(), answer.get().amount());
            return Found.NOTHING;
        }
        return answer.get().succeeded() ? Found.PAID : Found.REFUSED;
    }
}
