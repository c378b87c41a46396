package vn.motcua.payment.ordering;

import java.time.Instant;
import java.util.Locale;
import vn.motcua.events.payment.PaymentMethod;

/**
 * Fees the postman collected at the door for an order already paid online or at the counter (ADR 0067), and how the
 * citizen gets them back.
 *
 * @param collected all the postman took, postage included: what the operator's remittance carries
 * @param fees the part of it beyond the postage
 * @param givenBackAs {@code ONLINE}: the online payment is refunded through the provider and the postman's cash stands as
 *     the payment; {@code CASH_ON_DELIVERY}: the postman's cash goes back in cash at the agency's counter
 * @param amount what goes back
 * @param requestId the provider's refund request id, when it goes back online
 * @param reference the provider's refund transaction, or the note for cash; null until given back
 * @param paidOut when the counter handed the cash to the citizen (ADR 0070); null before, and always when it went back online
 */
public record CollectedTwice(long collected, long fees, String receipt, String shipmentId, Instant collectedAt, PaymentMethod givenBackAs,
        long amount, String requestId, String reference, Instant givenBackAt, CashPaidOut paidOut) {

    static CollectedTwice refundedOnline(long collected, long fees, String receipt, String shipmentId, Instant collectedAt, long amount,
            String requestId) {
        return new CollectedTwice(collected, fees, receipt, shipmentId, collectedAt, PaymentMethod.ONLINE, amount, requestId, null, null, null);
    }

    static CollectedTwice givenBackInCash(long collected, long fees, String receipt, String shipmentId, Instant collectedAt) {
        return new CollectedTwice(collected, fees, receipt, shipmentId, collectedAt, PaymentMethod.CASH_ON_DELIVERY, fees, null, null, null, null);
    }

    /** The provider would not refund the online payment: the postman's cash goes back at the counter instead. */
    CollectedTwice inCashInstead() {
        return givenBackInCash(collected, fees, receipt, shipmentId, collectedAt);
    }

    CollectedTwice givenBack(String by, Instant at) {
        return new CollectedTwice(collected, fees, receipt, shipmentId, collectedAt, givenBackAs, amount, requestId, by, at, null);
    }

    /** Why the money goes back, as the citizen is told it and the counter's cash book lists it. */
    public String reason() {
        return "Ông/Bà đã nộp phí, lệ phí trước khi nhận kết quả nhưng nhân viên bưu điện vẫn thu thêm "
                + String.format(Locale.forLanguageTag("vi-VN"), "%,d", fees) + " đồng khi phát (biên nhận " + receipt + ")";
    }

    CollectedTwice paidOut(CashPaidOut by) {
        return new CollectedTwice(collected, fees, receipt, shipmentId, collectedAt, givenBackAs, amount, requestId, reference, givenBackAt, by);
    }

    /** Noted to go back in cash at the counter, and not handed over yet. */
    public boolean owedInCash() {
        return done() && !throughProvider() && paidOut == null;
    }

    public boolean done() {
        return givenBackAt != null;
    }

    public boolean throughProvider() {
        return givenBackAs == PaymentMethod.ONLINE;
    }
}
