package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.systemtests.Observations.awaitJson;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/**
 * Dossiers through their whole life, through the gateway, each step taken by the Keycloak user
 * whose job it is: the citizen, the counter officer, the specialist and the leader.
 */
@ExtendWith(Platform.class)
class DossierLifecycleIT {
    private static final List<String> REQUIRED = List.of("Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký kinh doanh");

    private final GatewayClient gateway = Platform.client();
    private static String citizen;
    private static String officer;
    private static String specialist;
    private static String leader;

    @BeforeAll
    static void tokens() {
        GatewayClient gateway = Platform.client();
        citizen = gateway.userToken("citizen1");
        officer = gateway.userToken("officer1");
        specialist = gateway.userToken("specialist1");
        leader = gateway.userToken("leader1");
    }

    private String submit() {
        Response submitted = gateway.post("/api/v1/dossiers", citizen,
                DossierRequestMother.liquorLicenceForCitizen1().replace("\"POST\"", "\"COUNTER\""), UUID.randomUUID().toString());
        assertThat(submitted.status()).isEqualTo(201);
        return submitted.json().get("code").asString();
    }

    private JsonNode step(String code, String step, String token, String body) {
        Response response = gateway.post("/api/v1/dossiers/" + code + "/" + step, token, body == null ? "{}" : body, null);
        assertThat(response.status()).as("%s: %s", step, response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aDossierGoesFromOnlineSubmissionToItsReturnedResult() throws Exception {
        String code = submit();
        // Over the dossier's 5 MB a file, under the platform's 10 MB an upload: the service's own words and limit.
        byte[] tooLarge = Arrays.copyOf(Uploads.PDF, 9 * 1024 * 1024);
        HttpResponse<String> refused = Uploads.pdf(gateway, code, REQUIRED.get(0), citizen, tooLarge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("urn:motcua:problem:file-too-large").contains("\"maxBytes\":5242880");
        for (String kind : REQUIRED) {
            assertThat(upload(code, kind).statusCode()).isEqualTo(201);
        }
        // A file attached by mistake is taken back by its uploader before reception; the officer may not.
        String wrong = new JsonMapper().readTree(upload(code, "Ảnh").body()).get("id").asString();
        String file = "/api/v1/dossiers/" + code + "/documents/" + wrong;
        assertThat(gateway.send(gateway.request(file, officer).DELETE()).status()).isEqualTo(403);
        assertThat(gateway.send(gateway.request(file, citizen).DELETE()).status()).isEqualTo(204);
        assertThat(gateway.get(file, citizen).status()).isEqualTo(404);

        JsonNode received = step(code, "reception", officer, null);
        assertThat(received.get("nationalStatus").asInt()).isEqualTo(2);
        LocalDate due = LocalDate.parse(received.get("dueDate").asString());
        assertThat(due).isAfter(LocalDate.now().minusDays(1));
        assertThat(pdfText(code, "01", citizen)).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Nguyễn Văn An");

        // The assignment form's choices: the agency's specialists from the realm, with what each holds (ADR 0059).
        String roster = "/api/v1/agencies/" + DossierRequestMother.THUONG_TIN + "/specialists";
        JsonNode specialists = gateway.get(roster, officer).json().get("specialists");
        assertThat(specialists.findValuesAsString("username")).contains("specialist1").doesNotContain("officer1", "leader1");
        JsonNode specialist1 = specialists.get(specialists.findValuesAsString("username").indexOf("specialist1"));
        assertThat(specialist1.get("name").asString()).isEqualTo("Hoàng Thu Hà");
        assertThat(specialist1.get("assignable").asBoolean()).isTrue();
        long heldBefore = specialist1.get("open").asLong();
        assertThat(gateway.get(roster, leader).status()).isEqualTo(200);
        assertThat(gateway.get(roster, specialist).status()).isEqualTo(403);
        assertThat(gateway.get(roster, gateway.userToken("officer2")).status()).as("another agency's officer").isEqualTo(403);
        // Only to a specialist of the agency as the realm holds them (ADR 0058): not a colleague in another role, nor a
        // name nobody has; the history below shows neither recorded.
        for (String notOne : List.of("officer1", "specialist9")) {
            Response notAssigned = gateway.post("/api/v1/dossiers/" + code + "/assignment", officer,
                    "{\"assignee\": \"" + notOne + "\"}", null);
            assertThat(notAssigned.status()).as(notAssigned.body()).isEqualTo(422);
            assertThat(notAssigned.body()).contains("urn:motcua:problem:not-a-specialist-of-the-agency", notOne);
        }
        // Typed in other capitals, the name is the realm's: the specialist's queue finds it under specialist1.
        assertThat(step(code, "assignment", officer, "{\"assignee\": \"Specialist1\"}").get("nationalStatus").asInt()).isEqualTo(4);
        assertThat(gateway.get("/api/v1/work-queue?status=4&assignee=specialist1&size=100", specialist).json().get("items").toString())
                .contains(code);
        JsonNode nowHeld = gateway.get(roster, officer).json().get("specialists");
        assertThat(nowHeld.get(nowHeld.findValuesAsString("username").indexOf("specialist1")).get("open").asLong())
                .isGreaterThan(heldBefore);
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", specialist),
                n -> n.toString().contains("Hồ sơ " + code + " được giao cho anh/chị xử lý")).toString()).contains("Hạn trả kết quả");
        JsonNode paused = step(code, "supplement-request", specialist,
                "{\"reason\": \"Bản sao chưa chứng thực\", \"documents\": [\"Bản sao giấy chứng nhận đăng ký kinh doanh\"]}");
        assertThat(paused.get("nationalStatus").asInt()).isEqualTo(5);
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(pdfText(code, "02", citizen)).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Bản sao chưa chứng thực");
        assertThat(upload(code, REQUIRED.get(1)).statusCode()).isEqualTo(201);
        JsonNode resumed = step(code, "supplement", citizen, "{\"note\": \"Đã nộp bản sao có chứng thực\"}");
        assertThat(resumed.get("nationalStatus").asInt()).isEqualTo(4);
        assertThat(LocalDate.parse(resumed.get("dueDate").asString())).isAfterOrEqualTo(due);

        // The specialist's appraisal, kept internal, then shown to citizen1, who is told (ADR 0050, 0051).
        String appraisal = new JsonMapper().readTree(Uploads.internalPdf(gateway, code, "Phiếu thẩm định", specialist).body())
                .get("id").asString();
        String appraisalFile = "/api/v1/dossiers/" + code + "/documents/" + appraisal;
        assertThat(gateway.get(appraisalFile, citizen).status()).isEqualTo(404);
        assertThat(gateway.send(gateway.request(appraisalFile + "/sharing", citizen).POST(HttpRequest.BodyPublishers.noBody()))
                .status()).isEqualTo(403);
        Response shown = gateway.send(gateway.request(appraisalFile + "/sharing", specialist).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("internal").asBoolean()).isFalse();
        assertThat(gateway.get(appraisalFile, citizen).status()).isEqualTo(200);
        // specialist1 submits the draft to the leaders (ADR 0055); the leader sends it back once (ADR 0052), then
        // approves the revised one, submitted again.
        step(code, "approval-request", specialist, "{\"note\": \"Đủ điều kiện cấp phép\"}");
        assertThat(gateway.get("/api/v1/work-queue?awaitingApproval=true&size=100", leader).json().get("items").toString())
                .contains(code);
        assertThat(step(code, "revision-request", leader, "{\"reason\": \"Ghi rõ địa điểm kinh doanh\"}").get("approvedBy").isNull())
                .isTrue();
        step(code, "approval-request", specialist, null);
        // A morning ops send by hand puts the waiting draft in the leaders' digest (ADR 0056).
        String ops = gateway.userToken("ops1");
        assertThat(awaitJson(() -> {
            assertThat(gateway.send(gateway.request("/api/v1/notifications/morning-digest", ops)
                    .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
            return gateway.get("/api/v1/notifications", leader);
        }, n -> n.toString().contains("dự thảo kết quả chờ lãnh đạo phê duyệt")).toString()).contains(code + " — trình ngày");
        step(code, "approval", leader, "{\"note\": \"Đồng ý cấp phép\"}");
        assertThat(step(code, "result", specialist, null).get("nationalStatus").asInt()).isEqualTo(9);
        assertThat(step(code, "return", officer, null).get("nationalStatus").asInt()).isEqualTo(10);

        JsonNode history = gateway.get("/api/v1/dossiers/" + code + "/history", citizen).json();
        assertThat(history.findValuesAsString("action")).containsExactly("REGISTER", "REMOVE_DOCUMENT", "RECEIVE", "ASSIGN",
                "REQUEST_SUPPLEMENT", "SUPPLEMENT", "SHARE_DOCUMENT", "REQUEST_APPROVAL", "REQUEST_REVISION", "REQUEST_APPROVAL",
                "APPROVE", "MARK_RESULT_READY", "RETURN_RESULT");
        assertThat(history.get(1).get("actorName").asString()).isEqualTo("citizen1");
        assertThat(history.get(6).get("actorName").asString()).isEqualTo("specialist1");
        assertThat(history.get(7).get("reason").asString()).isEqualTo("Đủ điều kiện cấp phép");
        assertThat(history.get(8).get("reason").asString()).isEqualTo("Ghi rõ địa điểm kinh doanh");
        assertThat(history.get(10).get("actorName").asString()).isEqualTo("leader1");
        assertThat(history.get(10).get("role").asString()).isEqualTo("leader");
        JsonNode verification = gateway.get("/api/v1/dossiers/" + code + "/history/verification", leader).json();
        assertThat(verification.get("intact").asBoolean()).isTrue();

        assertThat(Observations.dossierEventTypes(code, 13)).containsExactly("DossierSubmitted", "DossierFeesPriced", "DossierReceived",
                "DossierProcessingStarted", "DossierSupplementRequested", "DossierSupplemented", "DossierDocumentShared",
                "DossierApprovalRequested", "DossierRevisionRequested", "DossierApprovalRequested", "DossierDraftApproved",
                "DossierResultReady", "DossierReturned");
        JsonNode inbox = awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Hồ sơ " + code + " đã trả kết quả"));
        assertThat(inbox.toString()).contains("Hồ sơ " + code + " đã được tiếp nhận", "Hồ sơ " + code + " cần bổ sung",
                "Hồ sơ " + code + ": cơ quan gửi Ông/Bà tài liệu Phiếu thẩm định", "Hồ sơ " + code + " đã có kết quả")
                .doesNotContain("trả lại dự thảo");
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", specialist),
                n -> n.toString().contains("Hồ sơ " + code + ": lãnh đạo trả lại dự thảo kết quả")).toString())
                .contains("Ghi rõ địa điểm kinh doanh");
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", specialist),
                n -> n.toString().contains("Hồ sơ " + code + ": lãnh đạo đã phê duyệt dự thảo kết quả")).toString())
                .contains("Đồng ý cấp phép");
        // The agency's leaders learn of each draft submitted to them, from the realm's directory.
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", leader),
                n -> n.toString().contains("Hồ sơ " + code + ": chuyên viên trình phê duyệt dự thảo kết quả")).toString())
                .contains("Đủ điều kiện cấp phép");
        assertThat(gateway.get("/api/v1/work-queue?awaitingApproval=true&size=100", leader).json().get("items").toString())
                .doesNotContain(code);

        assertThat(gateway.get("/api/v1/work-queue?status=10&size=100", officer).json().get("items").toString()).contains(code);
        Response publicLookUp = gateway.get("/api/v1/public/dossier-status?code=" + code + "&idNumber="
                + DossierRequestMother.CITIZEN_1, null);
        assertThat(publicLookUp.status()).isEqualTo(200);
        assertThat(publicLookUp.json().get("nationalStatus").asInt()).isEqualTo(10);
        assertThat(publicLookUp.body()).doesNotContain("Nguyễn Văn An");
    }

    @Test
    void aSpecialistsDossiersPassToAnotherAtOnceAndBothAreTold() throws Exception {
        String code = DossierSteps.processing(gateway, DossierRequestMother.liquorLicenceForCitizen1());
        step(code, "assignment", officer, "{\"assignee\": \"specialist2\"}");
        String handOver = "/api/v1/agencies/" + DossierRequestMother.THUONG_TIN + "/specialists/specialist2/hand-over";

        Response refused = gateway.post(handOver, officer, "{\"to\": \"officer1\"}", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("urn:motcua:problem:not-a-specialist-of-the-agency");
        Response sharedWithAnOfficer = gateway.post(handOver, officer, "{\"among\": [\"specialist1\", \"officer1\"]}", null);
        assertThat(sharedWithAnOfficer.status()).as(sharedWithAnOfficer.body()).isEqualTo(422);
        assertThat(sharedWithAnOfficer.json().get("among").asString()).isEqualTo("officer1");
        assertThat(gateway.post(handOver, specialist, "{\"to\": \"specialist1\"}", null).status()).isEqualTo(403);
        Response handed = gateway.post(handOver, leader, "{\"to\": \"Specialist1\"}", null);
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().get("to").asString()).as("the realm's spelling").isEqualTo("specialist1");
        assertThat(handed.json().get("moved").toString()).contains(code);

        assertThat(gateway.get("/api/v1/dossiers/" + code, officer).json().get("assignee").asString()).isEqualTo("specialist1");
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", gateway.userToken("specialist2")),
                n -> n.toString().contains("Hồ sơ " + code + " đã được chuyển cho chuyên viên khác")).toString())
                .contains("chuyên viên specialist1");
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", specialist),
                n -> n.toString().contains("Hồ sơ " + code + " được chuyển cho anh/chị xử lý")).toString())
                .contains("từ chuyên viên specialist2");
    }

    @Test
    void aDossierRefusedAtReceptionGetsForm03AndNobodyElseActsOnIt() throws Exception {
        String code = submit();
        String otherAgencyOfficer = gateway.userToken("officer2");
        assertThat(gateway.post("/api/v1/dossiers/" + code + "/refusal", otherAgencyOfficer, "{\"reason\": \"x\"}", null)
                .status()).isEqualTo(404);
        assertThat(gateway.post("/api/v1/dossiers/" + code + "/refusal", specialist, "{\"reason\": \"x\"}", null)
                .status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/dossiers/" + code + "/history", gateway.userToken("citizen2")).status()).isEqualTo(404);

        JsonNode refused = step(code, "refusal", officer, "{\"reason\": \"Hồ sơ không thuộc thẩm quyền của UBND huyện\"}");
        assertThat(refused.get("nationalStatus").asInt()).isEqualTo(3);
        assertThat(refused.get("dueDate").isNull()).isTrue();
        assertThat(pdfText(code, "03", citizen)).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                "Hồ sơ không thuộc thẩm quyền của UBND huyện");

        Response again = gateway.post("/api/v1/dossiers/" + code + "/reception", officer, "{}", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("currentStatus").asInt()).isEqualTo(3);

        assertThat(gateway.get("/api/v1/dossiers/" + code + "/history", citizen).json().findValuesAsString("action"))
                .containsExactly("REGISTER", "REFUSE");
        assertThat(Observations.dossierEventTypes(code, 3)).containsExactly("DossierSubmitted", "DossierFeesPriced",
                "DossierRejected");
        awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Hồ sơ " + code + " không được tiếp nhận"));
    }

    private HttpResponse<String> upload(String code, String kind) throws Exception {
        return Uploads.pdf(gateway, code, kind, citizen);
    }

    private String pdfText(String code, String form, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                gateway.request("/api/v1/dossiers/" + code + "/forms/" + form, token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        PdfReader reader = new PdfReader(response.body());
        return new PdfTextExtractor(reader).getTextFromPage(1);
    }
}
