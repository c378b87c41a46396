package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** What the agencies' desk application and ops do through the gateway, with real tokens. */
@ExtendWith(Platform.class)
class AgencyDeskIT {
    private final GatewayClient gateway = Platform.client();

    private static String paperDossier(String procedure) {
        return """
                {"procedureCode": "%s", "agencyCode": "000.10.20.30.H29",
                 "applicant": {"fullName": "Lê Văn Cường", "idNumber": "001090000003", "phone": "0911222333",
                               "email": "cuong@example.com", "address": "Xã Văn Bình, Thường Tín, Hà Nội"}}
                """.formatted(procedure);
    }

    @Test
    void underAnOnlineFirstPolicyTheCounterRegistersPaperDossiersOnlyForProceduresNotOnline() {
        // The 2020 emergency rule, published by ops for the district (no policy: the applicant chooses).
        int published = gateway.post("/api/v1/channel-policies", gateway.userToken("ops1"), """
                {"agencyCode": "000.10.20.30.H29", "rule": "ONLINE_FIRST", "validFrom": "2020-03-23",
                 "source": {"document": "17/CT-UBND", "date": "2020-03-20"}}""", null).status();
        assertThat(published).as("published now, or by an earlier run on this stack").isIn(201, 409);
        String officer = gateway.userToken("officer1");
        Response online = gateway.post("/api/v1/dossiers/paper?channel=IN_PERSON", officer, paperDossier("2.000009"),
                UUID.randomUUID().toString());
        assertThat(online.status()).isEqualTo(422);
        assertThat(online.json().get("type").asString()).isEqualTo("urn:motcua:problem:submit-online");

        Response atCounter = gateway.post("/api/v1/dossiers/paper?channel=IN_PERSON", officer, paperDossier("2.000016"),
                UUID.randomUUID().toString());
        assertThat(atCounter.status()).isEqualTo(201);
        assertThat(atCounter.json().get("channel").asString()).isEqualTo("IN_PERSON");
        assertThat(gateway.post("/api/v1/dossiers/paper?channel=IN_PERSON", gateway.userToken("citizen1"),
                paperDossier("2.000016"), UUID.randomUUID().toString()).status()).isEqualTo(403);
    }

    @Test
    void opsPublishACatalogVersionAndLeadersReadTheirAgencysStatistics() {
        String ops = gateway.userToken("ops1");
        String code = "2.0" + (10000 + (int) (Math.random() * 89999));
        String definition = """
                {"code": "%s", "name": "Cấp phép tổ chức lễ hội", "field": "Văn hóa", "agencyLevel": "COMMUNE",
                 "onlineLevel": 4, "processingDays": %d, "fees": [], "acceptByPost": true, "returnByPost": true,
                 "inPersonSignature": false, "paperOriginalRequired": false, "urgentCounter": false,
                 "requiredDocuments": ["Văn bản đề nghị"]}
                """;
        assertThat(gateway.post("/api/v1/procedures", ops, definition.formatted(code, 5), null).status()).isEqualTo(201);
        assertThat(gateway.post("/api/v1/procedures", gateway.userToken("leader1"), definition.formatted(code, 5), null)
                .status()).isEqualTo(403);
        Response edited = gateway.send(gateway.request("/api/v1/procedures/" + code, ops)
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(definition.formatted(code, 7))));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(gateway.get("/api/v1/procedures/" + code + "/versions/1", ops).json().get("processingDays").asInt())
                .isEqualTo(5);

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String period = "?from=" + today + "&to=" + today;
        Response own = gateway.get("/api/v1/statistics" + period, gateway.userToken("leader1"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get(0).get("agencyCode").asString()).isEqualTo("000.10.20.30.H29");
        assertThat(gateway.get("/api/v1/statistics" + period + "&agencyCode=000.00.01.H29", gateway.userToken("leader1"))
                .status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/statistics" + period, gateway.userToken("officer1")).status()).isEqualTo(403);
        Response csv = gateway.get("/api/v1/statistics/export.csv" + period + "&agencyCode=000.10.20.30.H29", ops);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("agencyCode,agencyName", "000.10.20.30.H29,\"UBND xã Thường Tín\"");
    }
}
