package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/**
 * A dossier's messages on the citizen's channels, through the gateway with real tokens: a citizen
 * without Zalo whose phone does not take the SMS is reached by email, each message once on each
 * channel, visible in the simulators, in the mail server and in the citizen's history.
 */
@ExtendWith(Platform.class)
class NotificationsIT {
    private static final String PHONE = "84971234502";
    private final GatewayClient gateway = Platform.client();

    @Test
    void aCitizenWithoutZaloWhoseSmsIsNotDeliveredIsReachedByEmailOncePerMessage() throws Exception {
        String token = gateway.userToken("citizen2");
        Response chosen = gateway.send(gateway.request("/api/v1/notifications/preferences", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"channels\":[\"ZALO\",\"SMS\",\"EMAIL\"],\"phone\":\"0971234502\"}")));
        assertThat(chosen.status()).isEqualTo(200);
        Observations.phoneBehaves(Platform.stack().config().ports().zalo(), PHONE, "zalo=none");
        Observations.phoneBehaves(Platform.stack().config().ports().smsGateway(), PHONE, "fate=undelivered");

        String code = gateway.post("/api/v1/dossiers", token, DossierRequestMother.liquorLicence("001090000002", "citizen2@example.com"),
                UUID.randomUUID().toString()).json().get("code").asString();
        // Submitted, fee requested, return address to confirm (the result goes by post): each tried on Zalo, SMS, then email.
        JsonNode inbox = Observations.awaitNotifications(gateway, token, code, 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> Observations.mailsAbout(code) == 3);
        assertThat(Observations.about(Observations.smsTo(PHONE), code)).isEqualTo(3);
        assertThat(Observations.zaloTo(PHONE)).isEmpty();

        String id = null;
        for (JsonNode notification : inbox) {
            if (code.equals(notification.path("dossierCode").asString()) && "dossier-submitted".equals(notification.path("template").asString())) {
                id = notification.path("id").asString();
            }
        }
        JsonNode history = gateway.get("/api/v1/notifications/" + id, token).json();
        assertThat(history.path("deliveries").findValuesAsString("channel")).containsExactly("ZALO", "SMS", "EMAIL");
        assertThat(history.path("deliveries").findValuesAsString("status")).containsExactly("FAILED", "FAILED", "SENT");
        assertThat(gateway.get("/api/v1/notifications/" + id, gateway.userToken("citizen1")).status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/notifications/preferences", null).status()).isEqualTo(401);

        Response forged = gateway.send(gateway.request("/api/v1/notifications/provider/sms-reports", null)
                .header("Content-Type", "application/json").header("X-Signature", "0000")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\":\"x\",\"clientRef\":\"" + id + "/SMS\",\"status\":\"DELIVERED\"}")));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }
}
