package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Cash the agency noted to give back to the citizen at its counter (a refund of cash, or the postman's cash for fees paid
 * before) has waited there uncollected since {@code owedSince}: published once per order, when it has waited as long as
 * the payment service is set to wait before reminding.
 *
 * @param amount đồng still owed in cash at the counter
 */
@EventContract(type = "PaymentRefundAwaitingCollection", version = 1, topic = Topics.PAYMENT)
public record PaymentRefundAwaitingCollection(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        String agencyCode,
        long amount,
        Instant owedSince,
        Instant remindedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
