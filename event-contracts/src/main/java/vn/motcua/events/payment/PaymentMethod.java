package vn.motcua.events.payment;

/**
 * How a payment order was paid: online through a payment platform, in cash to the postman, or in cash at the agency's
 * one-stop counter (since ADR 0065).
 */
public enum PaymentMethod {
    ONLINE, CASH_ON_DELIVERY, CASH_AT_COUNTER;

    /** Paid in cash, to the postman or at the counter: given back in cash at the counter too. */
    public boolean inCash() {
        return this != ONLINE;
    }
}
