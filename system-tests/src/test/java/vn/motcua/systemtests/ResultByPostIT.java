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
 * A result asked for by post, through the gateway with real tokens: once it is ready the postal
 * operator's client sees the shipment with its S10 item id, reports the delivery through the
 * operator API, and the dossier is returned (status 10) without anyone at the agency acting again.
 */
@ExtendWith(Platform.class)
class ResultByPostIT {
    private final GatewayClient gateway = Platform.client();

    @Test
    void theOperatorsDeliveryReportReturnsTheDossier() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = DossierSteps.resultReady(gateway, DossierRequestMother.liquorLicenceForCitizen1());

        String operator = gateway.clientToken("postal-vnpost", "postal-vnpost-local-secret");
        String item = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> itemIdOf(operator, code), id -> id != null);
        assertThat(item).matches("RR\\d{9}VN");
        String report = """
                {"reportId": "%s", "progress": "DELIVERED", "at": "%s", "itemId": "%s", "detail": "Nguyễn Văn An"}"""
                .formatted("d-" + code, Instant.now(), item);
        assertThat(gateway.post("/api/v1/shipments/RET-" + code + "/reports", citizen, report, null).status()).isEqualTo(403);
        Response delivered = gateway.post("/api/v1/shipments/RET-" + code + "/reports", operator, report, null);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().get("status").asString()).isEqualTo("DELIVERED");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/v1/dossiers/" + code, citizen).json().get("nationalStatus").asInt(), status -> status == 10);
        JsonNode mine = gateway.get("/api/v1/shipments", citizen).json();
        assertThat(mine.toString()).contains(item).contains("DELIVERED");
    }

    private String itemIdOf(String operator, String code) {
        for (JsonNode shipment : gateway.get("/api/v1/shipments", operator).json()) {
            if (code.equals(shipment.get("dossierCode").asString()) && !shipment.get("itemId").isNull()) {
                return shipment.get("itemId").asString();
            }
        }
        return null;
    }
}
