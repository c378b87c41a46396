package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.notification.SettableClock;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.Reach;

class AwaitedReceiptsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
    private static final Duration RECEIPT_DUE = Duration.ofMinutes(10);

    private final SettableClock clock = new SettableClock();
    private final AwaitedReceipts receipts = new AwaitedReceipts(clock);

    {
        clock.set(NOW);
    }

    @Test
    void anAcceptedSendIsKeptForItsReceiptWhichTakesItOnce() {
        Notification notification = sentAndAccepted("n-1");

        assertThat(receipts.take("n-1", Duration.ZERO)).containsSame(notification);
        assertThat(receipts.take("n-1", Duration.ZERO)).as("a repeated receipt reads storage").isEmpty();
    }

    @Test
    void aReceiptThatOvertakesTheSendersWriteWaitsForIt() throws Exception {
        Notification notification = toSend("n-2", NotificationChannel.ZALO);
        AwaitedReceipts.Sending sending = receipts.sending(notification.id());

        CompletableFuture<Optional<Notification>> early = CompletableFuture.supplyAsync(() -> receipts.take("n-2", Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertThat(early).as("waits while the sender is in its attempt").isNotDone();
        notification.accepted("Z-1", null, 300L, NOW, NOW, NOW.plus(RECEIPT_DUE));
        receipts.sent(sending, notification, true);

        assertThat(early.get(5, TimeUnit.SECONDS)).containsSame(notification);
        assertThat(receipts.size()).isZero();
    }

    @Test
    void nothingIsKeptWhenTheLastWriteFailedOrNoReceiptIsAwaited() {
        Notification lostItsWrite = toSend("n-3", NotificationChannel.SMS);
        AwaitedReceipts.Sending first = receipts.sending(lostItsWrite.id());
        lostItsWrite.accepted("SMS-3", 1, 800L, NOW, NOW, NOW.plus(RECEIPT_DUE));
        receipts.sent(first, lostItsWrite, false);

        Notification email = toSend("n-4", NotificationChannel.EMAIL);
        AwaitedReceipts.Sending second = receipts.sending(email.id());
        email.accepted("<m@example>", null, 0L, NOW, NOW, NOW);
        receipts.sent(second, email, true);

        Notification refused = toSend("n-5", NotificationChannel.SMS);
        AwaitedReceipts.Sending third = receipts.sending(refused.id());
        refused.failed("bad number", NOW, NOW);
        receipts.sent(third, refused, true);

        assertThat(receipts.size()).isZero();
        assertThat(receipts.take("n-3", Duration.ofSeconds(5))).isEmpty();
        assertThat(receipts.take("n-4", Duration.ofSeconds(5))).isEmpty();
        assertThat(receipts.take("n-5", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aFullStoreDropsCopiesWhoseReceiptIsOverdueAndOtherwiseKeepsNoMore() {
        for (int i = 0; i < AwaitedReceipts.MAX_KEPT; i++) {
            sentAndAccepted("full-" + i);
        }
        assertThat(receipts.sending("one-more")).as("full: the receipt will read storage").isNull();

        clock.set(NOW.plus(RECEIPT_DUE).plusSeconds(1));
        assertThat(receipts.sending("one-more")).as("the overdue copies made room").isNotNull();
        assertThat(receipts.size()).isEqualTo(1);
    }

    /** Through the sender's attempt: accepted by the SMS gateway and stored so. */
    private Notification sentAndAccepted(String id) {
        Notification notification = toSend(id, NotificationChannel.SMS);
        AwaitedReceipts.Sending sending = receipts.sending(id);
        notification.accepted("SMS-" + id, 1, 800L, NOW, NOW, NOW.plus(RECEIPT_DUE));
        receipts.sent(sending, notification, true);
        return notification;
    }

    private static Notification toSend(String id, NotificationChannel channel) {
        Reach reach = new Reach("an@example.com", "84912345678", List.of(channel));
        return Notification.create(id, "001090000001", "D-" + id, new Message("dossier-received", "Hồ sơ", "Nội dung"), reach, false,
                false, NOW).aggregate();
    }
}
