package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.NotificationRepository;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.TestInfrastructure;

@SpringBootTest
@InfrastructureTest
class EmailSweeperIT {
    @Autowired
    AggregateStore store;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    EmailSweeper sweeper;

    @Test
    void anEmailLeftPendingByACrashBetweenStoringAndSendingIsSentOnceByTheSweeper() throws Exception {
        String id = "crashed-" + System.nanoTime();
        String address = id + "@example.com";
        // The notification was stored and the process died before sending its email.
        Instant created = Instant.now();
        store.insert(Notification.create(id, "001090000082", "D-" + id, new Message("dossier-received", "Hồ sơ " + id
                + " đã được tiếp nhận", "Nội dung"), address, created));

        sweeper.sweep(created.plusSeconds(1));
        assertThat(TestInfrastructure.get().receivedMailsTo(address)).as("the sender's own time to send has not run out").isEmpty();

        Instant later = created.plus(Notification.SENDER_FIRST).plusSeconds(1);
        sweeper.sweep(later);
        sweeper.sweep(later.plus(Duration.ofMinutes(5)));
        assertThat(TestInfrastructure.get().receivedMailsTo(address)).hasSize(1);
        assertThat(notifications.findById(id).orElseThrow().emailStatus()).isEqualTo(Notification.EmailStatus.SENT);
    }
}
