package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A payment order was opened for a dossier's fees. Keyed by the dossier code so it stays
 * in order with the dossier's other events.
 *
 * @param stage when the fee falls due
 * @param amount in Vietnamese đồng
 */
@EventContract(type = "PaymentRequested", version = 1, topic = Topics.PAYMENT)
public record PaymentRequested(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        FeeStage stage,
        long amount,
        String currency,
        Instant requestedAt,
        Instant payBy) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
