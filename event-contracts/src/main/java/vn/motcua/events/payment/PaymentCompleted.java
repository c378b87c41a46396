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
 * @param ownerCitizenId whose dossier it is, so that they can be told; null on records published before it was carried
 */
@EventContract(type = "PaymentCompleted", version = 1, topic = Topics.PAYMENT)
public record PaymentCompleted(
        String paymentId,
        String dossierCode,
        FeeStage stage,
        long amount,
        PaymentMethod method,
        Instant completedAt,
        String ownerCitizenId) implements Event {

    public PaymentCompleted(String paymentId, String dossierCode, FeeStage stage, long amount, PaymentMethod method,
            Instant completedAt) {
        this(paymentId, dossierCode, stage, amount, method, completedAt, null);
    }

    @Override
    public String subject() {
        return dossierCode;
    }
}
