package vn.motcua.payment.ordering;

import java.time.Instant;

/**
 * One try at paying an order online: the reference the provider knows it by and what became of it.
 *
 * @param reference the merchant reference sent to the provider (alphanumeric, unique)
 * @param providerCode the provider's response code once it answered
 * @param transactionNo the provider's transaction number of a successful payment
 * @param surplus paid although the order had been paid already (another attempt or the postman), or was cancelled with its
 *     dossier (ADR 0072): refunded
 * @param surplusRefund the provider's refund of a surplus payment, once it went back
 */
public record Attempt(String reference, long amount, Instant createdAt, Instant expiresAt, State state, String providerCode,
        String transactionNo, Instant paidAt, Boolean surplus, String surplusRefund) {

    /**
     * {@code LAPSED}: the page expired unanswered and the provider, asked once after that, knew no
     * payment or refusal of it (ADR 0049). An answer arriving later is still applied.
     */
    public enum State { PENDING, SUCCEEDED, FAILED, LAPSED }

    static Attempt begun(String reference, long amount, Instant now, Instant expiresAt) {
        return new Attempt(reference, amount, now, expiresAt, State.PENDING, null, null, null, false, null);
    }

    Attempt succeeded(String code, String number, Instant at, boolean overpaid) {
        return new Attempt(reference, amount, createdAt, expiresAt, State.SUCCEEDED, code, number, at, overpaid, null);
    }

    Attempt failed(String code) {
        return new Attempt(reference, amount, createdAt, expiresAt, State.FAILED, code, null, null, false, null);
    }

    Attempt lapsed() {
        return new Attempt(reference, amount, createdAt, expiresAt, State.LAPSED, null, null, null, false, null);
    }

    /** Begun and not answered by the provider: its page may take money, or may have taken it unseen. */
    public boolean unanswered() {
        return state == State.PENDING;
    }

    Attempt surplusRefunded(String refund) {
        return new Attempt(reference, amount, createdAt, expiresAt, state, providerCode, transactionNo, paidAt, surplus, refund);
    }

    /** A surplus payment not yet given back. */
    public boolean owesSurplusRefund() {
        return isSurplus() && surplusRefund == null;
    }

    public boolean isSurplus() {
        return Boolean.TRUE.equals(surplus);
    }
}
