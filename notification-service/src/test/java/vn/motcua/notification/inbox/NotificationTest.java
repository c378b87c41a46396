package vn.motcua.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.kit.outbox.Changed;

class NotificationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Message RECEIVED = new Message("dossier-received", "Hồ sơ đã được tiếp nhận", "Nội dung");

    @Test
    void aNotificationIsInTheInboxAtOnceAndWaitsForItsEmail() {
        Changed<Notification> created = Notification.create("event-1", "001090000001", "D-1", RECEIVED,
                "an@example.com", NOW);

        Notification notification = created.aggregate();
        assertThat(notification.id()).as("the id of the event it tells about").isEqualTo("event-1");
        assertThat(notification.emailStatus()).isEqualTo(Notification.EmailStatus.PENDING);
        assertThat(created.events()).containsExactly(new NotificationSent("event-1", "D-1", "001090000001",
                NotificationChannel.IN_APP, "dossier-received", NOW));
    }

    @Test
    void withoutAnAddressNoEmailIsWaitedFor() {
        Notification notification = Notification.create("event-2", "001090000001", "D-1", RECEIVED, null, NOW)
                .aggregate();

        assertThat(notification.emailStatus()).isEqualTo(Notification.EmailStatus.NO_ADDRESS);
    }

    @Test
    void aNotificationWaitingForTheAddressGetsItOnce() {
        Notification waiting = Notification.createBeforeAddressKnown("event-5", "c", "D-1", RECEIVED, NOW).aggregate();
        assertThat(waiting.emailStatus()).isEqualTo(Notification.EmailStatus.AWAITING_ADDRESS);

        assertThat(waiting.addressLearned("an@example.com", NOW)).isEmpty();
        assertThat(waiting.emailStatus()).isEqualTo(Notification.EmailStatus.PENDING);
        assertThat(waiting.emailAddress()).isEqualTo("an@example.com");
        assertThatThrownBy(() -> waiting.addressLearned("other@example.com", NOW)).isInstanceOf(IllegalStateException.class);

        Notification noAddress = Notification.createBeforeAddressKnown("event-6", "c", "D-1", RECEIVED, NOW).aggregate();
        noAddress.addressLearned(null, NOW);
        assertThat(noAddress.emailStatus()).isEqualTo(Notification.EmailStatus.NO_ADDRESS);
    }

    @Test
    void theEmailOutcomeIsRecordedAndAnnounced() {
        Notification sent = Notification.create("event-3", "c", "D-1", RECEIVED, "an@example.com", NOW).aggregate();
        assertThat(sent.emailSent(NOW)).containsExactly(new NotificationSent("event-3", "D-1", "c",
                NotificationChannel.EMAIL, "dossier-received", NOW));
        assertThat(sent.emailStatus()).isEqualTo(Notification.EmailStatus.SENT);

        Notification failed = Notification.create("event-4", "c", "D-1", RECEIVED, "an@example.com", NOW).aggregate();
        assertThat(failed.emailFailed("550 mailbox unavailable", NOW)).containsExactly(new NotificationFailed("event-4",
                "D-1", "c", NotificationChannel.EMAIL, "550 mailbox unavailable", NOW));
        assertThat(failed.emailStatus()).isEqualTo(Notification.EmailStatus.FAILED);
    }

    @Test
    void aFailedEmailIsTriedAgainWhenDueAndOnlyTheLastFailureIsAnnounced() {
        Notification notification = Notification.create("event-5", "001090000001", "D-1", new Message("t", "title", "body"),
                "an@example.com", NOW).aggregate();
        assertThat(notification.emailDueAt()).isEqualTo(NOW.plus(Notification.SENDER_FIRST));
        assertThatThrownBy(() -> notification.claimEmail(NOW, Duration.ofMinutes(2))).as("the sender goes first")
                .isInstanceOf(IllegalStateException.class);

        Instant due = NOW.plus(Notification.SENDER_FIRST);
        assertThat(notification.claimEmail(due, Duration.ofMinutes(2))).isEmpty();
        assertThat(notification.emailDueAt()).isEqualTo(due.plus(Duration.ofMinutes(2)));
        assertThat(notification.emailRetryLater("421 try later", due.plusSeconds(30))).isEmpty();
        assertThat(notification.emailStatus()).isEqualTo(Notification.EmailStatus.PENDING);
        assertThat(notification.emailAttempts()).isEqualTo(1);
        assertThat(notification.emailFailed("421 try later", due.plusSeconds(60))).hasSize(1);
        assertThat(notification.emailStatus()).isEqualTo(Notification.EmailStatus.FAILED);
        assertThat(notification.emailAttempts()).isEqualTo(2);
    }
}
