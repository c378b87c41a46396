package vn.motcua.payment.counter;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.kit.web.Csv;
import vn.motcua.payment.ordering.PaymentMethodWords;

/**
 * A day's or a period's cash book as the agency's accountant takes it into the accounts: cash in and cash out in columns of their own,
 * each row a movement of cash at the counter by the officer who made it, and the totals the drawer is counted against. Cash
 * noted to go back but not handed over is no movement yet (the JSON book lists it as owed).
 */
final class CashBookCsv {
    private static final String[] HEADER = {"Loại", "Thời điểm", "Mã thanh toán", "Mã hồ sơ", "Giai đoạn", "Thu (đồng)", "Chi (đồng)",
        "Cán bộ thu, chi", "Số biên lai", "Tiền đã nộp qua", "Lý do hoàn trả"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(CivilTime.VIETNAM);

    private CashBookCsv() {
    }

    static byte[] of(CashBook.Period period) {
        List<String[]> rows = new ArrayList<>();
        for (CashBook.Taken taken : period.payments()) {
            rows.add(new String[] {"Thu", time(taken.paidAt()), taken.paymentId(), taken.dossierCode(), stage(taken.stage()),
                Long.toString(taken.amount()), "", taken.officer(), taken.receiptNumber(), PaymentMethodWords.of(PaymentMethod.CASH_AT_COUNTER), ""});
        }
        for (CashBook.GivenBack back : period.refunds()) {
            rows.add(new String[] {"Chi", time(back.givenBackAt()), back.paymentId(), back.dossierCode(), "", "",
                Long.toString(back.amount()), back.officer(), "", PaymentMethodWords.of(back.paidBy()), back.reason()});
        }
        String when = period.first().equals(period.last()) ? period.first().toString() : period.first() + " – " + period.last();
        rows.add(new String[] {"Tổng cộng", when, "", "", "", Long.toString(period.received()), Long.toString(period.givenBack()),
            "", "", "", ""});
        return Csv.of(HEADER, rows);
    }

    /** The stage in the words of the fee schedules. */
    private static String stage(FeeStage stage) {
        return switch (stage) {
            case INTAKE -> "Khi nộp hồ sơ";
            case SUPPLEMENT -> "Khi bổ sung hồ sơ";
            case RESULT -> "Khi nhận kết quả";
            case OBLIGATION -> "Nghĩa vụ tài chính";
        };
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
