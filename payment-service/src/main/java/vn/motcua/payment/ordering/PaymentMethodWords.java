package vn.motcua.payment.ordering;

import vn.motcua.events.payment.PaymentMethod;

/** How a fee was paid, in the words the agency's papers use (the cash book, the refund voucher). */
public final class PaymentMethodWords {
    private PaymentMethodWords() {
    }

    public static String of(PaymentMethod method) {
        return switch (method) {
            case CASH_AT_COUNTER -> "Tiền mặt tại bộ phận một cửa";
            case CASH_ON_DELIVERY -> "Tiền mặt cho nhân viên bưu điện";
            case ONLINE -> "Trực tuyến";
        };
    }
}
