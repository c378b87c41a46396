package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.Reach;

class ZaloTemplateDataTest {
    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final Reach ZALO = new Reach(null, "84971012121", List.of(NotificationChannel.ZALO));

    @Test
    void aBookingWithoutADossierFillsItsTemplateWithItsOwnValuesAndLeavesNoneEmpty() {
        Message booked = new Message("appointment-booked", "Lịch hẹn LH1 ngày 07/12/2026", "…", "Lịch hẹn LH1 ngày 07/12/2026",
                Map.of("booking_code", "LH1", "date", "07/12/2026", "purpose", " "));

        Map<String, String> data = Dispatcher.templateData(
                Notification.createForPhone("e-1", "0971012121", null, booked, ZALO, false, false, NOW).aggregate());

        assertThat(data).containsExactlyInAnyOrderEntriesOf(Map.of("booking_code", "LH1", "date", "07/12/2026", "purpose", "—",
                "noi_dung", "Lịch hẹn LH1 ngày 07/12/2026"));
    }

    @Test
    void aNotificationStoredBeforeItKeptItsValuesStillNamesItsDossier() {
        Message withoutValues = new Message("dossier-received", "Hồ sơ D-1 đã được tiếp nhận", "…");

        Map<String, String> data = Dispatcher.templateData(
                Notification.create("e-2", "001090000001", "D-1", withoutValues, ZALO, false, false, NOW).aggregate());

        assertThat(data).containsExactlyInAnyOrderEntriesOf(
                Map.of("dossier_code", "D-1", "noi_dung", "Hồ sơ D-1 đã được tiếp nhận"));
    }
}
