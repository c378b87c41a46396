package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Money paid for an order went back to the payer: through the provider's refund API for an
 * online payment, or noted for the agency to pay back in cash for one the postman collected or
 * the counter took. Once per refund of the order, and once for fees the postman collected after
 * the order was paid otherwise (ADR 0067).
 *
 * @param method how the money going back was paid, so how it goes back
 * @param amount the refundable part of what was paid, in đồng
 * @param refundReference the provider's refund transaction, or the agency's note for cash
 * @param reason why: the dossier was refused, withdrawn or stopped, or an officer's reason
 */
@EventContract(type = "PaymentRefunded", version = 1, topic = Topics.PAYMENT)
public record PaymentRefunded(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        FeeStage stage,
        long amount,
        PaymentMethod method,
        String refundReference,
        String reason,
        Instant refundedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
