package vn.motcua.payment.ordering;

import java.time.Instant;
import vn.motcua.events.payment.PaymentMethod;

/**
 * Cash an order owes the citizen at the agency's counter (ADR 0070): a refund noted in cash, or the postman's cash for
 * fees paid before (ADR 0067).
 *
 * @param paidBy how the cash going back was paid: at the counter, or to the postman
 * @param notedAt when the platform noted it to go back
 * @param paidOut when the counter handed it over, and who; null while it is owed
 */
public record CashBack(long amount, PaymentMethod paidBy, String reason, Instant notedAt, CashPaidOut paidOut) {

    public boolean owed() {
        return paidOut == null;
    }
}
