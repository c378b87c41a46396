package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A fee asked of the citizen is still unpaid as its pay-by time draws near: published once per order, when the time left is
 * within what the payment service is set to remind before, for the citizen to pay before it falls overdue. Not for a
 * result's fee the postman collects at the door.
 *
 * @param amount đồng still to pay
 */
@EventContract(type = "PaymentDueSoon", version = 1, topic = Topics.PAYMENT)
public record PaymentDueSoon(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        String agencyCode,
        FeeStage stage,
        long amount,
        Instant payBy,
        Instant remindedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
