package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.systemtests.Observations.awaitJson;
import static vn.motcua.systemtests.Observations.awaitNotifications;
import static vn.motcua.systemtests.Observations.mailsAbout;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** One dossier through all six services, through the gateway, with citizen1's real token. */
@ExtendWith(Platform.class)
class WalkThroughIT {
    private final GatewayClient gateway = Platform.client();

    @Test
    void aSubmittedDossierReachesPaymentNotificationPostalAndAppointmentServices() throws Exception {
        String token = gateway.userToken("citizen1");
        long onlineBefore = gateway.get("/api/v1/offices/TT-HUYEN", token).json().path("dossiersSubmittedOnline").asLong(-1);

        // The catalog before logging in: no token through the gateway.
        Response procedures = gateway.get("/api/v1/public/procedures?name=r%C6%B0%E1%BB%A3u&returnByPost=true", null);
        assertThat(procedures.status()).isEqualTo(200);
        assertThat(procedures.json().findValuesAsString("code")).contains(DossierRequestMother.LIQUOR_RETAIL);
        assertThat(gateway.get("/api/v1/public/calendar/2026", null).json().get("workingWeekendDays").toString())
                .contains("2026-01-10");

        String correlationId = "walk-" + UUID.randomUUID();
        Response submitted = gateway.send(gateway.postRequest("/api/v1/dossiers", token,
                DossierRequestMother.liquorLicenceForCitizen1(), UUID.randomUUID().toString())
                .header("X-Correlation-Id", correlationId));
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.raw().headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        String code = submitted.json().get("code").asString();
        assertThat(code).matches("000\\.10\\.20\\.30\\.H29-\\d{6}-\\d{4}");
        assertThat(submitted.json().get("nationalStatus").asInt()).isEqualTo(1);

        Response dossier = gateway.get("/api/v1/dossiers/" + code, token);
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.json().get("applicant").get("fullName").asString()).isEqualTo("Nguyễn Văn An");

        JsonNode payments = awaitJson(() -> gateway.get("/api/v1/payments?dossier=" + code, token), n -> n.size() == 1);
        assertThat(payments.get(0).get("amount").asLong()).isEqualTo(1_200_000);
        assertThat(payments.get(0).get("status").asString()).isEqualTo("REQUESTED");

        JsonNode inbox = awaitNotifications(gateway, token, code, 3);
        assertThat(inbox.toString()).contains("đã được gửi thành công", "Yêu cầu nộp phí", "Xác nhận địa chỉ nhận kết quả");

        // Zalo first, by default: each message once, delivered, so neither SMS nor email is needed.
        await().atMost(Duration.ofSeconds(60)).until(() -> Observations.about(Observations.zaloTo("84912345678"), code) == 3);
        assertThat(Observations.about(Observations.smsTo("84912345678"), code)).isZero();
        assertThat(mailsAbout(code)).isZero();

        JsonNode shipments = awaitJson(() -> gateway.get("/api/v1/shipments", token),
                n -> n.toString().contains("RET-" + code));
        assertThat(shipments.toString()).contains("AWAITING_RESULT");

        awaitJson(() -> gateway.get("/api/v1/offices/TT-HUYEN", token),
                n -> n.path("dossiersSubmittedOnline").asLong() > onlineBefore);
    }
}
