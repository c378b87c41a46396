package vn.motcua.payment.ordering;

/**
 * The answer a provider's notification gets, in the protocol's codes: 00 confirmed, 01 order not
 * found, 02 already confirmed, 04 wrong amount, 97 bad signature, 99 anything else.
 */
public enum Settlement {
    CONFIRMED("00", "Confirm Success"),
    ORDER_NOT_FOUND("01", "Order not found"),
    ALREADY_CONFIRMED("02", "Order already confirmed"),
    WRONG_AMOUNT("04", "Invalid amount"),
    BAD_SIGNATURE("97", "Invalid signature"),
    OTHER("99", "Unknown error");

    private final String code;
    private final String message;

    Settlement(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
