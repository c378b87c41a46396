package vn.motcua.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.events.notification.NotificationDelivered;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;

class NotificationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Message RECEIVED = new Message("dossier-received", "Hồ sơ đã được tiếp nhận", "Nội dung");
    private static final Reach ALL = new Reach("an@example.com", "84912345678",
            List.of(NotificationChannel.ZALO, NotificationChannel.SMS, NotificationChannel.EMAIL));

    private static Notification sending(Reach reach, boolean everyChannel) {
        return Notification.create("event-1", "001090000001", "D-1", RECEIVED, reach, false, everyChannel, NOW).aggregate();
    }

    @Test
    void aNotificationIsInTheInboxAtOnceAndItsChannelsWaitForTheSenderFirst() {
        Changed<Notification> created = Notification.create("event-1", "001090000001", "D-1", RECEIVED, ALL, false, false, NOW);

        Notification notification = created.aggregate();
        assertThat(notification.id()).as("the id of the event it tells about").isEqualTo("event-1");
        assertThat(notification.status()).isEqualTo(Notification.Status.SENDING);
        assertThat(notification.currentDelivery().channel()).isEqualTo(NotificationChannel.ZALO);
        assertThat(notification.dueAt()).isEqualTo(NOW.plus(Notification.SENDER_FIRST));
        assertThat(created.events()).containsExactly(new NotificationSent("event-1", "D-1", "001090000001",
                NotificationChannel.IN_APP, "dossier-received", NOW));
        assertThatThrownBy(() -> notification.claim(NOW, Duration.ofMinutes(2))).as("the sender goes first")
                .isInstanceOf(IllegalStateException.class);
        assertThat(notification.claim(NOW.plus(Notification.SENDER_FIRST), Duration.ofMinutes(2))).isEmpty();
    }

    @Test
    void aNotificationNobodyTriedOrClaimedCanBeTakenUpOnceBeforeItsDueTime() {
        Notification stored = sending(ALL, false);
        assertThat(stored.neverTried()).as("as its sender left it when it stopped before the attempt").isTrue();

        assertThat(stored.claimNeverTried(NOW.plusSeconds(5))).isEmpty();
        assertThat(stored.dueAt()).as("the new sender's head start").isEqualTo(NOW.plusSeconds(5).plus(Notification.SENDER_FIRST));
        assertThat(stored.neverTried()).as("claimed: a second redelivery leaves it to that sender").isFalse();
        assertThatThrownBy(() -> stored.claimNeverTried(NOW.plusSeconds(6))).isInstanceOf(IllegalStateException.class);

        Notification sweptUp = sending(ALL, false);
        sweptUp.claim(NOW.plus(Notification.SENDER_FIRST), Duration.ofMinutes(2));
        assertThat(sweptUp.neverTried()).as("the sweeper's sender has it").isFalse();

        Notification triedOnce = sending(ALL, false);
        triedOnce.retryLater("busy", NOW, NOW.plusSeconds(30));
        assertThat(triedOnce.neverTried()).isFalse();

        Notification held = sending(ALL, false);
        held.hold(NOW.plus(Duration.ofHours(8)));
        assertThat(held.neverTried()).as("quiet hours: it waits for the morning").isFalse();
        assertThat(sending(null, false).neverTried()).as("waiting for addresses, not for a sender").isFalse();
    }

    @Test
    void aMessageForAPhoneNumberOnlyIsKeptApartAndAnnouncesNoInboxOnlyItsChannels() {
        Reach phone = new Reach(null, "84912345678", List.of(NotificationChannel.ZALO, NotificationChannel.SMS));
        Changed<Notification> created = Notification.createForPhone("event-2", "0912345678", null, RECEIVED, phone, false, false, NOW);

        assertThat(created.events()).as("nobody has an inbox to read it in").isEmpty();
        Notification notification = created.aggregate();
        assertThat(notification.recipientCitizenId()).isEqualTo("phone:0912345678").doesNotMatch("\\d{12}");
        assertThat(notification.status()).isEqualTo(Notification.Status.SENDING);
        assertThat(notification.currentDelivery().channel()).isEqualTo(NotificationChannel.ZALO);
    }

    @Test
    void withoutChannelsOnlyTheInboxHasItAndWithoutAddressesItWaitsForThem() {
        assertThat(sending(new Reach(null, null, List.of()), false).status()).isEqualTo(Notification.Status.INBOX_ONLY);

        Notification waiting = sending(null, false);
        assertThat(waiting.status()).isEqualTo(Notification.Status.AWAITING_CONTACT);
        assertThat(waiting.contactLearned(ALL, NOW)).isEmpty();
        assertThat(waiting.status()).isEqualTo(Notification.Status.SENDING);
        assertThat(waiting.contactLearned(ALL, NOW)).as("learnt once").isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void aRefusedChannelGivesWayToTheNextAndAReceiptEndsIt() {
        Notification notification = sending(ALL, false);
        assertThat(notification.failed("Zalo -118: no account", NOW, NOW)).containsExactly(new NotificationFailed("event-1", "D-1",
                "001090000001", NotificationChannel.ZALO, "Zalo -118: no account", NOW));
        assertThat(notification.currentDelivery().channel()).isEqualTo(NotificationChannel.SMS);

        Instant receiptDue = NOW.plus(Duration.ofMinutes(10));
        assertThat(notification.accepted("SMS1", 1, 800L, NOW, NOW, receiptDue)).hasSize(1);
        assertThat(notification.readyToSend()).as("awaits the receipt").isFalse();
        assertThat(notification.dueAt()).isEqualTo(receiptDue);

        assertThat(notification.receipt(NotificationChannel.SMS, "SMS1", true, null, NOW, NOW)).containsExactly(
                new NotificationDelivered("event-1", "D-1", "001090000001", NotificationChannel.SMS, "SMS1", NOW));
        assertThat(notification.status()).isEqualTo(Notification.Status.DONE);
        assertThat(notification.deliveries()).extracting(Delivery::status)
                .containsExactly(Delivery.Status.FAILED, Delivery.Status.DELIVERED, Delivery.Status.NOT_NEEDED);
        assertThat(notification.receipt(NotificationChannel.SMS, "SMS1", true, null, NOW, NOW)).as("a repeated receipt")
                .isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void aReceiptThatOvertakesTheRecordOfTheSendIsAskedForAgain() {
        Notification notification = sending(ALL, false);
        assertThatThrownBy(() -> notification.receipt(NotificationChannel.ZALO, "Z1", true, null, NOW, NOW))
                .isInstanceOf(ReceiptBeforeAcceptance.class);
        assertThat(notification.receipt(NotificationChannel.EMAIL, "E1", true, null, NOW, NOW)).as("not its turn yet")
                .isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void aReceiptThatDoesNotComeInTimeCountsAsAFailure() {
        Notification notification = sending(ALL, false);
        Instant receiptDue = NOW.plus(Duration.ofMinutes(5));
        notification.accepted("Z1", null, 300L, NOW, NOW, receiptDue);
        assertThatThrownBy(() -> notification.receiptOverdue(NOW.plusSeconds(10))).isInstanceOf(IllegalStateException.class);

        assertThat(notification.receiptOverdue(receiptDue)).singleElement().isInstanceOf(NotificationFailed.class);
        assertThat(notification.currentDelivery().channel()).isEqualTo(NotificationChannel.SMS);
        assertThat(notification.receipt(NotificationChannel.ZALO, "Z1", true, null, NOW, NOW)).as("too late: the SMS is on its way")
                .isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void transientFailuresAreCountedAndTheLastChannelsFailureFailsTheNotification() {
        Notification notification = sending(new Reach(null, "84912345678", List.of(NotificationChannel.SMS)), false);
        assertThat(notification.retryLater("busy", NOW, NOW.plusSeconds(30))).isEmpty();
        assertThat(notification.currentDelivery().attemptCount()).isEqualTo(1);
        assertThat(notification.readyToSend()).isTrue();
        assertThat(notification.dueAt()).isEqualTo(NOW.plusSeconds(30));

        notification.failed("busy (after 4 attempts)", NOW, NOW);
        assertThat(notification.status()).isEqualTo(Notification.Status.FAILED);
        assertThat(notification.currentDelivery()).isNull();
        assertThat(notification.dueAt()).isNull();
    }

    @Test
    void anApologyGoesOnEveryChannelEvenAfterOneReachedTheCitizen() {
        Notification apology = sending(ALL, true);
        apology.accepted("Z1", null, 300L, NOW, NOW, NOW.plusSeconds(300));
        apology.receipt(NotificationChannel.ZALO, "Z1", true, null, NOW, NOW);
        assertThat(apology.currentDelivery().channel()).isEqualTo(NotificationChannel.SMS);
        apology.accepted("S1", 2, 1600L, NOW, NOW, NOW.plusSeconds(300));
        apology.receipt(NotificationChannel.SMS, "S1", false, "SUBSCRIBER_UNREACHABLE", NOW, NOW);
        apology.accepted(null, null, 0L, NOW, NOW, NOW);
        assertThat(apology.status()).isEqualTo(Notification.Status.DONE);
        assertThat(apology.deliveries()).extracting(Delivery::status)
                .containsExactly(Delivery.Status.DELIVERED, Delivery.Status.FAILED, Delivery.Status.SENT);
    }

    @Test
    void quietHoursHoldTheChannelAndReadingIsRecordedOnce() {
        Notification notification = sending(ALL, false);
        Instant morning = Instant.parse("2026-11-25T00:00:00Z");
        notification.hold(morning);
        assertThat(notification.currentDelivery().status()).isEqualTo(Delivery.Status.HELD);
        assertThat(notification.dueAt()).isEqualTo(morning);
        assertThat(notification.readyToSend()).isTrue();

        assertThat(notification.markRead(NOW)).isEmpty();
        assertThat(notification.markRead(NOW.plusSeconds(1))).isSameAs(AggregateStore.UNCHANGED);
        assertThat(notification.readAt()).isEqualTo(NOW);
    }
}
