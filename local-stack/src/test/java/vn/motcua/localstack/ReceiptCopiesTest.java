package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptCopiesTest {
    private static final String BEFORE = """
            # HELP motcua_notification_receipts_total Providers' receipts applied to the copy the sender kept, or to the notification read from storage
            # TYPE motcua_notification_receipts_total counter
            motcua_notification_receipts_total{application="notification-service",copy="kept"} 100.0
            motcua_notification_receipts_total{application="notification-service",copy="read"} 4.0
            motcua_notification_sends_active{application="notification-service"} 3.0
            """;
    private static final String AFTER = """
            motcua_notification_receipts_total{application="notification-service",copy="kept"} 1600.0
            motcua_notification_receipts_total{application="notification-service",copy="read"} 19.0
            """;

    @Test
    void readsBothCountersAndGivesTheirGrowthPerSubmission() {
        ReceiptCopies before = ReceiptCopies.parse(BEFORE);
        assertThat(before).isEqualTo(new ReceiptCopies(100, 4));

        assertThat(ReceiptCopies.parse(AFTER).since(before, 750))
                .isEqualTo("2.00 a submission applied to the copy the sender kept, 0.02 read from storage");
    }

    @Test
    void anInstanceWithoutTheCounterCountsNothing() {
        assertThat(ReceiptCopies.parse("motcua_notification_sends_active 0.0\n")).isEqualTo(new ReceiptCopies(0, 0));
    }
}
