package vn.motcua.notification.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.Outgoing;
import vn.motcua.notification.channels.SendOutcome;

/** The email channel against real SMTP servers: one that takes everything, and ones that will not take a recipient or a message. */
class EmailChannelIT {

    @Test
    void aMailboxTheServerSaysDoesNotExistIsRefusedForGoodNotRetriedNorCountedAgainstTheServer() throws Exception {
        try (RefusingMailServer server = RefusingMailServer.answeringRecipients("550 5.1.1 No such user here")) {
            assertEveryOneOfThirteenRefused(channelTo(server), "refuses the address", "550");
        }
    }

    @Test
    void aMessageTheServerRefusesForGoodGoesByTheNextChannelNotRetriedNorCountedAgainstTheServer() throws Exception {
        try (RefusingMailServer server = RefusingMailServer.answeringMessages("554 5.7.1 Message rejected as spam")) {
            assertEveryOneOfThirteenRefused(channelTo(server), "refuses the message", "554");
        }
    }

    @Test
    void aMessageTheServerCannotTakeNowIsTriedAgainLater() throws Exception {
        try (RefusingMailServer server = RefusingMailServer.answeringMessages("452 4.3.1 Insufficient system storage")) {
            SendOutcome outcome = channelTo(server).send(message("dan@example.vn"));

            assertThat(outcome).isInstanceOf(SendOutcome.TryLater.class);
        }
    }

    @Test
    void aRecipientTheServerCannotTakeNowIsTriedAgainLater() throws Exception {
        try (RefusingMailServer server = RefusingMailServer.answeringRecipients("451 4.7.1 Greylisted, try again later")) {
            SendOutcome outcome = channelTo(server).send(message("dan@example.vn"));

            assertThat(outcome).isInstanceOf(SendOutcome.TryLater.class);
        }
    }

    @Test
    void theSameMessageSentTwiceCarriesTheSameMessageIdByWhichAMailboxKeepsItOnce() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            EmailChannel email = channelTo(smtp.getSmtp().getPort());
            Outgoing first = message("dan@example.vn");
            Outgoing another = new Outgoing("n-2/0", "dan@example.vn", first.template(), first.subject(), first.text(),
                    first.shortText(), Map.of());

            assertThat(email.send(first)).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(email.send(first)).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(email.send(another)).isInstanceOf(SendOutcome.Accepted.class);

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(3);
            assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
                    .isNotEqualTo(received[2].getMessageID()).matches("<[0-9a-f-]{36}\\.notification@motcua\\.test>");
        } finally {
            smtp.stop();
        }
    }

    /**
     * Thirteen in a row: had they been counted as the server's failures, the breaker (half of ten failed) would have
     * opened and the last ones answered TryLater, for every citizen's email.
     */
    private static void assertEveryOneOfThirteenRefused(EmailChannel email, String... reason) {
        for (int i = 0; i < 13; i++) {
            SendOutcome outcome = email.send(message("dan" + i + "@example.vn"));

            assertThat(outcome).isInstanceOf(SendOutcome.Refused.class);
            assertThat(((SendOutcome.Refused) outcome).reason()).contains(reason);
        }
    }

    private static EmailChannel channelTo(RefusingMailServer server) {
        return channelTo(server.port());
    }

    private static EmailChannel channelTo(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        ChannelProperties channels = new ChannelProperties(null, null, new ChannelProperties.Email(100, 3, Duration.ofSeconds(30)));
        return new EmailChannel(mail, channels, "Một Cửa <khong-tra-loi@motcua.test>");
    }

    private static Outgoing message(String address) {
        return new Outgoing("ref-" + address, address, "dossier-received", "Hồ sơ đã tiếp nhận", "Hồ sơ của bạn đã được tiếp nhận.",
                "Đã tiếp nhận", Map.of());
    }
}
