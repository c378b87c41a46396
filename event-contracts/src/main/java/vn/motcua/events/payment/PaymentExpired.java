package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** A payment order was not paid by its pay-by time: the fee is overdue, and still payable online or at the counter (ADR 0073). */
@EventContract(type = "PaymentExpired", version = 1, topic = Topics.PAYMENT)
public record PaymentExpired(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        FeeStage stage,
        long amount,
        Instant payBy,
        Instant expiredAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
