package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * One attempt to pay an order online did not go through (declined, cancelled by the payer,
 * abandoned at the provider). The order stays open: the citizen may try again until its pay-by time.
 *
 * @param attemptReference the merchant reference the provider knew the attempt by
 * @param providerCode the provider's response code, e.g. 24 (payer cancelled) or 51 (insufficient funds)
 */
@EventContract(type = "PaymentFailed", version = 1, topic = Topics.PAYMENT)
public record PaymentFailed(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        FeeStage stage,
        long amount,
        String attemptReference,
        String providerCode,
        Instant failedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
