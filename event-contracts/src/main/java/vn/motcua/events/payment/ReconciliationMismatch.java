package vn.motcua.events.payment;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The daily reconciliation found a difference between what the platform recorded and what a
 * provider's statement or a postal operator's remittance says; raised once per difference.
 *
 * @param source PROVIDER (the payment platform's statement) or POSTAL (an operator's remittance)
 * @param kind MISSING_IN_PLATFORM (the other side has it, the platform does not), MISSING_AT_SOURCE
 *     (the platform has it, the other side does not), AMOUNT_DIFFERS, or PAID_TWICE (the postman
 *     collected fees already paid online or at the counter: the citizen is owed them back)
 * @param reference the transaction or shipment the difference is about
 * @param platformAmount what the platform recorded, in đồng (0 when it has nothing)
 * @param sourceAmount what the other side says, in đồng (0 when it has nothing)
 */
@EventContract(type = "ReconciliationMismatch", version = 1, topic = Topics.PAYMENT)
public record ReconciliationMismatch(
        String mismatchId,
        LocalDate day,
        String source,
        String kind,
        String reference,
        String paymentId,
        long platformAmount,
        long sourceAmount,
        Instant foundAt) implements Event {

    @Override
    public String subject() {
        return mismatchId;
    }
}
