package vn.motcua.events.payment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A payment order was cancelled unpaid because its dossier closed (refused, withdrawn or stopped): nothing is owed on it
 * and no payment may start. A payment the provider confirms after it is given back.
 *
 * @param wasDue the citizen had been asked to pay it (it was due, or had expired); false for a fee of a stage the dossier
 *     never reached
 * @param reason why the dossier closed, in the words the citizen was told
 */
@EventContract(type = "PaymentCancelled", version = 1, topic = Topics.PAYMENT)
public record PaymentCancelled(
        String paymentId,
        String dossierCode,
        String ownerCitizenId,
        FeeStage stage,
        long amount,
        boolean wasDue,
        String reason,
        Instant cancelledAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
