package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.localstack.GatewayClient;

/**
 * Every field of a valid request, one at a time, replaced by a hostile value: a wrong type, a number
 * past every range, a date of an expanded year, text with a NUL and a direction override, an
 * operator, deep nesting. Each answer is either taken (2xx) or a 4xx problem+json; none is a 5xx. A
 * fuzzer like this found the 500s of dates MongoDB cannot hold and the 503 of a reconciliation day
 * the provider cannot name (ADR 0008). The requests are chosen to leave nothing behind that another
 * test of the platform could see: quotes and previews, dossiers and feedback of their own, rules and
 * rosters for 2099.
 */
@ExtendWith(Platform.class)
class FieldMutationsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GatewayClient gateway = Platform.client();

    record Seed(String method, String path, String user, String body) {
    }

    record Sent(String what, int status, String contentType, String body) {
    }

    @AfterEach
    void leaveTheRateLimitsAsFound() throws InterruptedException {
        RateBuckets.refill(gateway);
    }

    @Test
    void everyFieldReplacedByAHostileValueIsTakenOrRefusedWithA4xxNeverA5xx() throws Exception {
        Map<String, String> tokens = Map.of("citizen1", gateway.userToken("citizen1"), "officer1", gateway.userToken("officer1"),
                "ops1", gateway.userToken("ops1"), "leader1", gateway.userToken("leader1"));
        String dossier = gateway.post("/api/v1/dossiers", tokens.get("citizen1"), DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString()).json().get("code").asString();
        String atReception = gateway.post("/api/v1/dossiers", tokens.get("citizen1"), DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString()).json().get("code").asString();
        String feedback = gateway.post("/api/v1/feedback", tokens.get("citizen1"),
                "{\"dossierCode\": \"" + dossier + "\", \"kind\": \"KIEN_NGHI\", \"text\": \"Đề nghị trả kết quả qua bưu điện\"}",
                UUID.randomUUID().toString()).json().get("id").asString();
        List<Seed> seeds = List.of(
                new Seed("POST", "/api/v1/dossiers", "citizen1", DossierRequestMother.liquorLicenceForCitizen1()),
                new Seed("POST", "/api/v1/dossiers/" + dossier + "/withdrawal", "citizen1", "{\"reason\": \"Không cần nữa\"}"),
                new Seed("POST", "/api/v1/feedback", "citizen1",
                        "{\"dossierCode\": \"" + dossier + "\", \"kind\": \"PHAN_ANH\", \"text\": \"Chưa nhận được kết quả\"}"),
                new Seed("POST", "/api/v1/shipments/quote", "citizen1", """
                        {"service": "RESULT_RETURN", "agencyProvince": "Gia Lai", "addressProvince": "Gia Lai", "weightGrams": 200,
                         "onlineLevel": 4, "date": "2020-04-01", "cashOnDelivery": 1200000}"""),
                new Seed("POST", "/api/v1/bookings", "officer1", """
                        {"officeId": "HV-XA", "date": "2099-01-05", "start": "08:30", "purpose": "HAND_IN", "procedureCode": "2.000009",
                         "phone": "0912345679", "citizenId": "001090000001"}"""),
                new Seed("POST", "/api/v1/notifications/templates/dossier-received/preview", "ops1",
                        "{\"values\": {\"dossier_code\": \"X\", \"due_date\": \"15/12/2026\"}}"),
                new Seed("PUT", "/api/v1/calendar/2099", "ops1", """
                        {"daysOff": ["2099-01-01", "2099-01-02"], "workingWeekendDays": ["2099-01-03"],
                         "source": {"document": "Quyết định thử", "date": "2026-01-01"}}"""),
                new Seed("POST", "/api/v1/room-limits", "ops1", """
                        {"officeId": "HV-XA", "peopleInRoom": 10, "peopleWaiting": 20, "validFrom": "2099-01-01", "validUntil": "2099-01-31",
                         "sourceDocument": "Chỉ thị thử", "sourceDate": "2026-01-01"}"""),
                new Seed("PUT", "/api/v1/offices/TT-HUYEN/rosters/2099-01-05", "leader1",
                        "{\"onDuty\": [{\"officer\": \"officer1\", \"counterId\": \"Q1\"}]}"),
                // A procedure not online, so that the counter registers it under any channel policy another test published.
                new Seed("POST", "/api/v1/dossiers/paper?channel=IN_PERSON", "officer1", """
                        {"procedureCode": "2.000016", "agencyCode": "000.10.20.30.H29",
                         "applicant": {"fullName": "Lê Văn Cường", "idNumber": "001090000003", "phone": "0911222333",
                                       "email": "cuong@example.com", "address": "Xã Văn Bình, Thường Tín, Hà Nội"}}"""),
                new Seed("POST", "/api/v1/feedback/" + feedback + "/answer", "officer1", "{\"text\": \"Đã chuyển bộ phận trả kết quả\"}"),
                new Seed("POST", "/api/v1/dossiers/" + atReception + "/intake-supplement-request", "officer1",
                        "{\"reason\": \"Thiếu bản sao\", \"documents\": [\"Bản sao giấy chứng nhận đăng ký kinh doanh\"]}"));
        List<Sent> sent = new ArrayList<>();
        List<Sent> repeated = new ArrayList<>();
        for (Seed seed : seeds) {
            JsonNode original = JSON.readTree(seed.body());
            // Each top-level field given twice, with its own value: a reader that keeps one copy and a check that reads the other differ.
            String compact = JSON.writeValueAsString(original);
            for (String name : original.propertyNames()) {
                String twice = "{" + JSON.writeValueAsString(name) + ": " + JSON.writeValueAsString(original.get(name)) + ", "
                        + compact.substring(1);
                repeated.add(send(seed, tokens.get(seed.user()), twice, List.of(name, name)));
            }
            for (List<Object> field : fields(original, List.of())) {
                for (JsonNode hostile : hostileValues()) {
                    JsonNode body = original.deepCopy();
                    replace(body, field, hostile);
                    sent.add(send(seed, tokens.get(seed.user()), JSON.writeValueAsString(body), field));
                }
            }
        }

        System.out.printf("Field mutations: %d requests, %d taken, %d refused with 4xx%n", sent.size(),
                sent.stream().filter(s -> s.status() < 300).count(), sent.stream().filter(s -> s.status() >= 400 && s.status() < 500).count());
        assertThat(sent).hasSizeGreaterThan(800);
        assertThat(sent).filteredOn(s -> s.status() >= 500).as("answers that blame the server").isEmpty();
        assertThat(sent).filteredOn(s -> s.status() >= 400 && !s.contentType().startsWith("application/problem+json"))
                .as("errors that are not problem+json").isEmpty();
        assertThat(sent).filteredOn(s -> s.status() == 429).as("refused by the rate limit, so never read").isEmpty();
        assertThat(repeated).hasSizeGreaterThanOrEqualTo(40).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.what()).isEqualTo(400);
            assertThat(answer.contentType()).as(answer.what()).startsWith("application/problem+json");
            assertThat(answer.body()).as(answer.what()).contains("urn:motcua:problem:duplicate-field");
        });
    }

    private static List<JsonNode> hostileValues() {
        ArrayNode deep = NODES.arrayNode();
        deep.addArray().addArray().addArray().add(1);
        ArrayNode withNull = NODES.arrayNode();
        withNull.addNull();
        return List.of(NODES.nullNode(), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(new BigInteger("9223372036854775808")),
                NODES.numberNode(1e308), NODES.numberNode(1.5), NODES.stringNode(""), NODES.stringNode("x".repeat(3_000)),
                NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true), NODES.stringNode("2026-02-30"),
                NODES.stringNode("-999999999-01-01"), NODES.stringNode("+10000-01-01"), NODES.stringNode("24:61"),
                NODES.stringNode("../../x"), NODES.stringNode("A\u0000\u202eB"), withNull, NODES.objectNode().put("$gt", ""), deep);
    }

    /** The path of every field and element, the nested ones too. */
    private static List<List<Object>> fields(JsonNode node, List<Object> at) {
        List<List<Object>> paths = new ArrayList<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                List<Object> path = append(at, name);
                paths.add(path);
                paths.addAll(fields(node.get(name), path));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = append(at, i);
                paths.add(path);
                paths.addAll(fields(node.get(i), path));
            }
        }
        return paths;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private Sent send(Seed seed, String token, String body, List<Object> field) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.stack().config().gatewayUrl() + seed.path()))
                    .method(seed.method(), HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
            GatewayClient.Response response = gateway.send(request);
            if (response.status() != 429 || attempt == 20) {
                return new Sent(seed.method() + " " + seed.path() + " " + field + " -> " + abbreviated(body), response.status(),
                        response.contentType(), response.body().length() > 600 ? response.body().substring(0, 600) + "…" : response.body());
            }
            // The demo client's limit: wait for its bucket, so that every mutation is read.
            Thread.sleep(1_000);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…(" + body.length() + ")" : body;
    }
}
