package vn.motcua.systemtests;

import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** What a citizen can observe of the platform's asynchronous work: notifications, mails, eventually consistent reads. */
final class Observations {
    private Observations() {
    }

    static long notificationsAbout(JsonNode inbox, String code) {
        return inbox.findValuesAsString("dossierCode").stream().filter(code::equals).count();
    }

    static JsonNode awaitNotifications(GatewayClient gateway, String token, String code, int expected) {
        return awaitJson(() -> gateway.get("/api/v1/notifications", token), n -> notificationsAbout(n, code) == expected);
    }

    static long mailsAbout(String code) {
        return Platform.stack().receivedMails().stream().filter(m -> subject(m).contains(code)).count();
    }

    static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    static JsonNode awaitJson(Supplier<Response> call, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Response response = call.get();
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return done.test(last[0]);
        });
        return last[0];
    }
}
