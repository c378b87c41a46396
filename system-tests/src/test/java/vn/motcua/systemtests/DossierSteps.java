package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** A dossier taken through its steps by the Keycloak users whose job each is, through the gateway. */
final class DossierSteps {
    private static final List<String> LIQUOR_DOCUMENTS = List.of("Đơn đề nghị cấp giấy phép",
            "Bản sao giấy chứng nhận đăng ký kinh doanh");

    private DossierSteps() {
    }

    /** citizen1's liquor licence (with {@code body}), documents uploaded, received and assigned to specialist1: status 4. */
    static String processing(GatewayClient gateway, String body) throws Exception {
        String citizen = gateway.userToken("citizen1");
        String officer = gateway.userToken("officer1");
        Response submitted = gateway.post("/api/v1/dossiers", citizen, body, UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String code = submitted.json().get("code").asString();
        for (String kind : LIQUOR_DOCUMENTS) {
            assertThat(Uploads.pdf(gateway, code, kind, citizen).statusCode()).isEqualTo(201);
        }
        step(gateway, code, "reception", officer, "{}");
        step(gateway, code, "assignment", officer, "{\"assignee\": \"specialist1\"}");
        return code;
    }

    /** citizen1's liquor licence (with {@code body}), documents uploaded, received, processed and approved: status 9. */
    static String resultReady(GatewayClient gateway, String body) throws Exception {
        String code = processing(gateway, body);
        step(gateway, code, "approval", gateway.userToken("leader1"), "{\"note\": \"Đồng ý\"}");
        assertThat(step(gateway, code, "result", gateway.userToken("specialist1"), "{}").get("nationalStatus").asInt())
                .isEqualTo(9);
        return code;
    }

    static JsonNode step(GatewayClient gateway, String code, String step, String token, String body) {
        Response response = gateway.post("/api/v1/dossiers/" + code + "/" + step, token, body, null);
        assertThat(response.status()).as("%s: %s", step, response.body()).isEqualTo(200);
        return response.json();
    }
}
