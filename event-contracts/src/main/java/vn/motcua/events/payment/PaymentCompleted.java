package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A payment order was paid in full, online or in cash to the postman.
 *
 * @param stage what was paid (OBLIGATION: a financial obligation the agency asked for)
 * @param method online, or in cash to the postman
 */
@EventContract(type = "PaymentCompleted", version = 1, topic = Topics.PAYMENT)
public record PaymentCompleted(
        String paymentId,
        String dossierCode,
        FeeStage stage,
        long amount,
        PaymentMethod method,
        Instant completedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
