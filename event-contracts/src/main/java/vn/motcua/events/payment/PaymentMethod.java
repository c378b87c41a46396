package vn.motcua.events.payment;

/** How a payment order was paid: online through a payment platform, or in cash to the postman. */
public enum PaymentMethod {
    ONLINE, CASH_ON_DELIVERY
}
