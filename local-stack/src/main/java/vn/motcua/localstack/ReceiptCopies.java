package vn.motcua.localstack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The providers' delivery receipts a notification service instance applied, by where it found the
 * notification: the copy its sender kept ({@code kept}) or storage ({@code read}) (ADR 0034). A
 * receipt read from storage costs the wire server one find more.
 */
record ReceiptCopies(double kept, double read) {
    private static final Pattern COUNTER = Pattern.compile("^motcua_notification_receipts_total\\{.*copy=\"(kept|read)\".*} (\\S+)$");

    static ReceiptCopies of(OperatorMetrics metrics, int port) {
        return parse(metrics.scrape(port));
    }

    static ReceiptCopies parse(String exposition) {
        double kept = 0;
        double read = 0;
        for (String line : exposition.split("\n")) {
            Matcher counter = COUNTER.matcher(line);
            if (counter.matches()) {
                double value = Double.parseDouble(counter.group(2));
                if ("kept".equals(counter.group(1))) {
                    kept += value;
                } else {
                    read += value;
                }
            }
        }
        return new ReceiptCopies(kept, read);
    }

    /** "1.01 a submission applied to the copy the sender kept, 0.02 read from storage" */
    String since(ReceiptCopies before, long submissions) {
        double per = Math.max(1, submissions);
        return "%.2f a submission applied to the copy the sender kept, %.2f read from storage".formatted((kept - before.kept) / per,
                (read - before.read) / per);
    }
}
