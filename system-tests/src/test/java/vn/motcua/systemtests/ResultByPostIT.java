package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/**
 * A result asked for by post, through the gateway with real tokens and the postal operator's
 * simulator (its own process, reading its own topic): once the officer marks the result ready
 * nobody acts again, and the dossier is returned (10) by the operator's reports; a recipient never
 * at home gets the result back at the counter instead.
 */
@ExtendWith(Platform.class)
class ResultByPostIT {
    private static final Duration WALK = Duration.ofSeconds(60);

    private final GatewayClient gateway = Platform.client();

    @Test
    void theOperatorCarriesTheResultToTheDoorAndTheDossierIsReturned() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = DossierSteps.resultReady(gateway, DossierRequestMother.liquorLicenceForCitizen1());

        await().atMost(WALK).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/v1/dossiers/" + code, citizen).json().get("nationalStatus").asInt(), status -> status == 10);
        JsonNode shipment = gateway.get("/api/v1/shipments/RET-" + code, citizen).json();
        assertThat(shipment.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(shipment.get("itemId").asString()).matches("RR\\d{9}VN");
        assertThat(shipment.get("price").get("tariffId").asString()).startsWith("VNPOST-BCCI");
        assertThat(shipment.get("history").toString()).contains("PICKED_UP").contains("Nguyễn Văn An");
        // citizen1 followed it: dispatched with its tracking number, then out for delivery.
        JsonNode inbox = Observations.awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Kết quả hồ sơ " + code + " đang được giao"));
        assertThat(inbox.toString()).contains("Kết quả hồ sơ " + code + " đã được gửi đi", shipment.get("itemId").asString());
    }

    @Test
    void aResultNobodyIsHomeForComesBackToTheCounter() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = DossierSteps.resultReady(gateway, DossierRequestMother.liquorLicenceForCitizen1()
                .replace("0912345678", "0900000000"));

        await().atMost(WALK).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/v1/dossiers/" + code, citizen).json().get("resultDelivery").asString(),
                delivery -> delivery.equals("COUNTER"));
        assertThat(gateway.get("/api/v1/shipments/RET-" + code, citizen).json().get("status").asString())
                .isEqualTo("RETURNED_TO_SENDER");
        assertThat(Observations.awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Chưa giao được kết quả hồ sơ " + code)).toString()).contains("lần 1");
        JsonNode returned = DossierSteps.step(gateway, code, "return", gateway.userToken("officer1"), "{}");
        assertThat(returned.get("nationalStatus").asInt()).isEqualTo(10);
    }

    @Test
    void noOneButItsOperatorReportsOnAShipment() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = DossierSteps.resultReady(gateway, DossierRequestMother.liquorLicenceForCitizen1());
        String operator = gateway.clientToken("postal-vnpost", "postal-vnpost-local-secret");
        String item = await().atMost(WALK).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/shipments/RET-" + code, operator).json().get("itemId"), id -> !id.isNull())
                .asString();
        String report = """
                {"reportId": "%s", "progress": "DELIVERED", "at": "%s", "itemId": "%s", "detail": "Nguyễn Văn An"}"""
                .formatted("forged-" + code, Instant.now(), item);
        Response forged = gateway.post("/api/v1/shipments/RET-" + code + "/reports", citizen, report, null);
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/shipments/RET-" + code + "/reports", null, report, null).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/shipments/RET-" + code, gateway.userToken("citizen2")).status()).isEqualTo(404);
    }
}
