package vn.motcua.dossier.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.PdfText;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class LifecycleIT {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    DeadlinePolicy deadlines;

    DossierFlow flow;

    @BeforeEach
    void setUp() {
        flow = new DossierFlow(mvc, json);
    }

    @Test
    void aDossierGoesFromSubmissionThroughSupplementToItsReturnedResult() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));

        JsonNode received = flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        assertThat(received.get("nationalStatus").asInt()).isEqualTo(2);
        LocalDate due = LocalDate.parse(received.get("dueDate").asString());
        var receivedAt = dossiers.findById(code).orElseThrow().receivedAt();
        assertThat(due).isEqualTo(deadlines.dueDate(receivedAt, 10));
        assertThat(received.get("forms").toString()).contains("01");

        assertThat(flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN))
                .get("nationalStatus").asInt()).isEqualTo(4);
        JsonNode paused = flow.step(code, "supplement-request",
                "{\"reason\": \"Thiếu bản sao có chứng thực\", \"documents\": [\"Bản sao giấy chứng nhận đăng ký kinh doanh\"]}",
                specialist(AGENCY_THUONG_TIN));
        assertThat(paused.get("nationalStatus").asInt()).isEqualTo(5);
        assertThat(paused.get("paused").asBoolean()).isTrue();

        flow.tryStep(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:supplement-incomplete"));
        flow.upload(code, "Bản sao giấy chứng nhận đăng ký kinh doanh", "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                .andExpect(status().isCreated());
        JsonNode resumed = flow.step(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1));
        assertThat(resumed.get("nationalStatus").asInt()).isEqualTo(4);
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(flow.dossier(code, citizen(CITIZEN_1)).get("paused").asBoolean()).as("as stored").isFalse();
        assertThat(LocalDate.parse(resumed.get("dueDate").asString())).isAfterOrEqualTo(due);

        flow.step(code, "approval", "{\"note\": \"Đồng ý\"}", leader(AGENCY_THUONG_TIN));
        assertThat(flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(9);
        JsonNode returned = flow.step(code, "return", null, officer(AGENCY_THUONG_TIN));
        assertThat(returned.get("nationalStatus").asInt()).isEqualTo(10);

        List<ConsumerRecord<String, String>> events = KafkaProbe.collect(Topics.DOSSIER, r -> code.equals(r.key()), 9,
                Duration.ofSeconds(20));
        assertThat(events).map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).containsExactly(
                "DossierSubmitted", "DossierFeesPriced", "DossierReceived", "DossierProcessingStarted", "DossierSupplementRequested",
                "DossierSupplemented", "DossierDraftApproved", "DossierResultReady", "DossierReturned");
        JsonNode returnedEvent = json.readTree(events.getLast().value());
        assertThat(returnedEvent.at("/dossier/nationalStatus").asInt()).isEqualTo(10);
        assertThat(returnedEvent.at("/dossier/agencyCode").asString()).isEqualTo(AGENCY_THUONG_TIN);
        assertThat(returnedEvent.at("/dossier/channel").asInt()).isEqualTo(2);
        assertThat(returnedEvent.at("/dossier/resultDelivery").asString()).isEqualTo("COUNTER");

        JsonNode history = flow.getJson("/api/v1/dossiers/" + code + "/history", citizen(CITIZEN_1));
        assertThat(history).hasSize(8);
        assertThat(history.get(1).get("action").asString()).isEqualTo("RECEIVE");
        assertThat(history.get(3).get("role").asString()).isEqualTo("specialist");
        assertThat(history.get(3).get("reason").asString()).isEqualTo("Thiếu bản sao có chứng thực");
        JsonNode verification = flow.getJson("/api/v1/dossiers/" + code + "/history/verification", leader(AGENCY_THUONG_TIN));
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asInt()).isEqualTo(8);

        String receipt = pdfText(code, "01");
        assertThat(receipt).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Nguyễn Văn An",
                "Cấp giấy phép bán lẻ rượu", "Đơn đề nghị cấp giấy phép", "UBND XÃ THƯỜNG TÍN");
        assertThat(pdfText(code, "02")).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Thiếu bản sao có chứng thực");
        // A number that is no form is answered like one not issued yet: with the forms this dossier has.
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/99").with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:not-found"))
                .andExpect(jsonPath("$.issuedForms").value(Matchers.hasItems("01", "02")));
        // A path no endpoint maps is a plain 404, in words about this API (Spring's spoke of a "static resource").
        mvc.perform(get("/api/v1/dossiers/" + code + "/letters").with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:http-404"))
                .andExpect(jsonPath("$.detail").value("No endpoint of this API answers this path; its API document lists those that do"));
    }

    private String pdfText(String code, String form) throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/dossiers/" + code + "/forms/" + form).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        return PdfText.of(pdf);
    }

    @Test
    void anIllegalStepIsAConflictNamingTheCurrentStatusAndChangesNothing() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        long version = dossiers.findById(code).orElseThrow().version();
        flow.tryStep(code, "return", null, officer(AGENCY_THUONG_TIN))
                .andExpect(status().isConflict()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:illegal-transition"))
                .andExpect(jsonPath("$.currentStatus").value(1))
                .andExpect(jsonPath("$.currentStatusName").value("NEWLY_REGISTERED"));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.tryStep(code, "result", null, specialist(AGENCY_THUONG_TIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not approved")));
        assertThat(dossiers.findById(code).orElseThrow().version()).isEqualTo(version + 2);
    }

    @Test
    void onlyTheRightRoleOfTheRightAgencyOrTheOwnerTakesAStep() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        long version = dossiers.findById(code).orElseThrow().version();
        flow.tryStep(code, "reception", null, specialist(AGENCY_THUONG_TIN))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        flow.tryStep(code, "reception", null, officer(AGENCY_JUSTICE))
                .andExpect(status().isNotFound());
        flow.tryStep(code, "reception", null, citizen(CITIZEN_1))
                .andExpect(status().isForbidden());
        flow.tryStep(code, "reception", null, CallerMother.portal())
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/dossiers/" + code + "/reception"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        flow.tryStep(code, "withdrawal", "{\"reason\": \"x\"}", citizen(CITIZEN_2))
                .andExpect(status().isNotFound());
        flow.tryStep(code, "withdrawal", "{\"reason\": \"x\"}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isForbidden());
        // A role that may not take the step is told so whatever it sent, not what the step's body lacks.
        flow.tryStep(code, "withdrawal", "", CallerMother.chatBot()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Only citizen or portal may take the step withdraw on a dossier"));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/dossiers/" + code + "/refusal").param("reason", "x").with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        // The right role, but not their dossier (or none): 404 whatever they sent, not what the body lacks.
        flow.tryStep(code, "withdrawal", "", citizen(CITIZEN_2)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:not-found"));
        flow.tryStep(code, "refusal", "{\"reason\": ", officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/dossiers/" + code + "/refusal").param("reson", "x")
                        .with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isNotFound());
        flow.tryStep("000.00.00.H29-000000-0000", "refusal", "", officer(AGENCY_THUONG_TIN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/history/verification").with(citizen(CITIZEN_1)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dossiers/" + code + "/history").with(citizen(CITIZEN_2)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/01").with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isNotFound());
        assertThat(dossiers.findById(code).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void receptionChecksTheRequiredDocumentsAndRefusalIssuesForm03() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:required-documents-missing"))
                .andExpect(jsonPath("$.missingDocuments.length()").value(2));
        assertThat(dossiers.findById(code).orElseThrow().status().code()).isEqualTo(1);

        flow.tryStep(code, "refusal", "{\"reason\": \"\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isBadRequest());
        JsonNode refused = flow.step(code, "refusal", "{\"reason\": \"Hồ sơ không thuộc thẩm quyền giải quyết\"}",
                officer(AGENCY_THUONG_TIN));
        assertThat(refused.get("nationalStatus").asInt()).isEqualTo(3);
        assertThat(refused.get("forms").toString()).isEqualTo("[\"03\"]");
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/01").with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        assertThat(pdfText(code, "03")).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                "Hồ sơ không thuộc thẩm quyền giải quyết");
        KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierRejected".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));

        // Paper documents listed by the officer count too.
        String paper = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        flow.step(paper, "reception", "{\"paperDocuments\": [\"Đơn đề nghị cấp giấy phép\", \"Bản sao giấy chứng nhận đăng ký kinh doanh\"]}",
                officer(AGENCY_THUONG_TIN));
    }

    @Test
    void anIncompleteDossierGetsForm02AtReceptionAndIsReceivedOnceWhatWasAskedArrives() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        flow.upload(code, SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.getFirst(), "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                .andExpect(status().isCreated());
        String missing = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.get(1);
        String ask = "{\"reason\": \"Thiếu bản sao giấy chứng nhận\", \"documents\": [\"" + missing + "\"]}";

        // Who may not: the specialist and the leader (not the one-stop desk), another agency, the citizen, no token.
        flow.tryStep(code, "intake-supplement-request", ask, specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        flow.tryStep(code, "intake-supplement-request", ask, leader(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        flow.tryStep(code, "intake-supplement-request", ask, officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        flow.tryStep(code, "intake-supplement-request", ask, citizen(CITIZEN_1)).andExpect(status().isForbidden());
        flow.tryStep(code, "intake-supplement-request", ask, request -> request).andExpect(status().isUnauthorized());
        flow.tryStep(code, "intake-supplement-request", "{\"reason\": \"Thiếu\", \"documents\": []}",
                officer(AGENCY_THUONG_TIN)).andExpect(status().isBadRequest());
        assertThat(dossiers.findById(code).orElseThrow().status().code()).as("nothing changed").isEqualTo(1);

        JsonNode asked = flow.step(code, "intake-supplement-request", ask, officer(AGENCY_THUONG_TIN));
        assertThat(asked.get("nationalStatus").asInt()).isEqualTo(5);
        assertThat(asked.get("forms").toString()).isEqualTo("[\"02\"]");
        assertThat(asked.get("dueDate").isNull()).as("not received: no deadline").isTrue();
        assertThat(pdfText(code, "02")).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", missing,
                "Hồ sơ chưa được tiếp nhận");

        flow.tryStep(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_2)).andExpect(status().isNotFound());
        flow.tryStep(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:supplement-incomplete"))
                .andExpect(jsonPath("$.missingDocuments[0]").value(missing));
        flow.upload(code, missing, "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1)).andExpect(status().isCreated());
        assertThat(flow.step(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1))
                .get("nationalStatus").asInt()).as("back at reception").isEqualTo(1);

        JsonNode received = flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        assertThat(received.get("nationalStatus").asInt()).isEqualTo(2);
        assertThat(LocalDate.parse(received.get("dueDate").asString()))
                .isEqualTo(deadlines.dueDate(dossiers.findById(code).orElseThrow().receivedAt(), 10));
        KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierSupplementRequested".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
    }

    @Test
    void anOnlineDossierWhoseProcedureNeedsPaperOriginalsWaitsForTheOfficerToSeeThem() throws Exception {
        String code = flow.submit(SubmissionMother.body("2.000010", AGENCY_THUONG_TIN, CITIZEN_1, "an@example.com"),
                citizen(CITIZEN_1));
        String documents = "{\"paperDocuments\": [\"Đơn đề nghị cấp giấy phép xây dựng\","
                + " \"Bản sao giấy tờ về quyền sử dụng đất\", \"Bản vẽ thiết kế\"]";
        flow.tryStep(code, "reception", documents + "}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:paper-originals-required"));
        assertThat(flow.step(code, "reception", documents + ", \"paperOriginalsSeen\": true}", officer(AGENCY_THUONG_TIN))
                .get("nationalStatus").asInt()).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsRefusedWithoutChangingTheDossier() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        String etag = mvc.perform(get("/api/v1/dossiers/" + code).with(officer(AGENCY_THUONG_TIN)))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/dossiers/" + code + "/reception").header("If-Match", etag)
                        .with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/dossiers/" + code + "/refusal").header("If-Match", etag)
                        .contentType("application/json").content("{\"reason\": \"trễ\"}")
                        .with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:stale-version"))
                .andExpect(jsonPath("$.currentStatus").value(2));
        assertThat(dossiers.findById(code).orElseThrow().status().code()).isEqualTo(2);
    }

    @Test
    void aDelayIssuesForm04AndAnEventAndTheOwnerWithdrawsWhileAllowed() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        JsonNode received = flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        LocalDate due = LocalDate.parse(received.get("dueDate").asString());
        LocalDate newDue = deadlines.calendar().plusWorkingDays(due, 3);

        flow.tryStep(code, "due-date-extension", "{\"newDueDate\": \"" + due + "\", \"reason\": \"x\"}",
                officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:invalid-due-date"));
        JsonNode extended = flow.step(code, "due-date-extension",
                "{\"newDueDate\": \"" + newDue + "\", \"reason\": \"Cần xác minh thực địa\"}", officer(AGENCY_THUONG_TIN));
        assertThat(extended.get("dueDate").asString()).isEqualTo(newDue.toString());
        flow.tryStep(code, "due-date-extension", "{\"newDueDate\": \"" + deadlines.calendar().plusWorkingDays(newDue, 2)
                + "\", \"reason\": \"Lần hai\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:reappointment-limit-reached"));
        assertThat(pdfText(code, "04")).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Cần xác minh thực địa",
                newDue.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        ConsumerRecord<String, String> event = KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierDueDateExtended".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
        assertThat(json.readTree(event.value()).get("previousDueDate").asString()).isEqualTo(due.toString());

        JsonNode withdrawn = flow.step(code, "withdrawal", "{\"reason\": \"Không còn nhu cầu\"}", citizen(CITIZEN_1));
        assertThat(withdrawn.get("nationalStatus").asInt()).isEqualTo(7);
        flow.tryStep(code, "withdrawal", "{\"reason\": \"again\"}", citizen(CITIZEN_1))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value(7));
    }

    @Test
    void theLeaderSendsTheDraftBackAndTheResultWaitsForANewApproval() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        // Before a specialist has it (status 2), there is no draft to send back.
        flow.tryStep(code, "revision-request", "{\"reason\": \"x\"}", leader(AGENCY_THUONG_TIN))
                .andExpect(status().isConflict()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value(2));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "approval", "{\"note\": \"Đồng ý\"}", leader(AGENCY_THUONG_TIN));
        long version = dossiers.findById(code).orElseThrow().version();

        // Who may not: the specialist, the officer, the owner, a leader of another agency, no token; nor without a reason.
        flow.tryStep(code, "revision-request", "{\"reason\": \"x\"}", specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        flow.tryStep(code, "revision-request", "{\"reason\": \"x\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        flow.tryStep(code, "revision-request", "{\"reason\": \"x\"}", citizen(CITIZEN_1)).andExpect(status().isForbidden());
        flow.tryStep(code, "revision-request", "{\"reason\": \"x\"}", leader(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/dossiers/" + code + "/revision-request")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}")).andExpect(status().isUnauthorized());
        flow.tryStep(code, "revision-request", "{\"reason\": \"  \"}", leader(AGENCY_THUONG_TIN))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        assertThat(dossiers.findById(code).orElseThrow().version()).isEqualTo(version);

        JsonNode sentBack = flow.step(code, "revision-request", "{\"reason\": \"Sai tên cơ sở kinh doanh trên giấy phép\"}",
                leader(AGENCY_THUONG_TIN));
        assertThat(sentBack.get("nationalStatus").asInt()).isEqualTo(4);
        ConsumerRecord<String, String> event = KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierRevisionRequested".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
        JsonNode revision = json.readTree(event.value());
        assertThat(revision.get("assignee").asString()).isEqualTo("specialist1");
        assertThat(revision.get("reason").asString()).isEqualTo("Sai tên cơ sở kinh doanh trên giấy phép");
        JsonNode history = flow.getJson("/api/v1/dossiers/" + code + "/history", officer(AGENCY_THUONG_TIN));
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("REQUEST_REVISION");
        assertThat(history.get(history.size() - 1).get("role").asString()).isEqualTo("leader");

        // The specialist's work queue says why it came back, until a leader approves it again.
        assertThat(queueItem(code).get("revisionReason").asString()).isEqualTo("Sai tên cơ sở kinh doanh trên giấy phép");
        assertThat(sentBackCodes(true)).contains(code);
        assertThat(sentBackCodes(false)).doesNotContain(code);
        // The approval given before is withdrawn: the revised draft needs a new one.
        flow.tryStep(code, "result", null, specialist(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("a leader has not approved the result yet")));
        flow.step(code, "approval", "{\"note\": \"  Đã sửa, đồng ý \"}", leader(AGENCY_THUONG_TIN));
        // The specialist learns of it from the event, with the leader's note as the history has it.
        JsonNode approval = json.readTree(KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierDraftApproved".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                && r.value().contains("Đã sửa"), Duration.ofSeconds(20)).value());
        assertThat(approval.get("assignee").asString()).isEqualTo("specialist1");
        assertThat(approval.get("note").asString()).isEqualTo("Đã sửa, đồng ý");
        assertThat(flow.getJson("/api/v1/dossiers/" + code + "/history", officer(AGENCY_THUONG_TIN)).get(history.size())
                .get("reason").asString()).isEqualTo("Đã sửa, đồng ý");
        assertThat(queueItem(code).get("revisionReason").isNull()).isTrue();
        assertThat(sentBackCodes(true)).doesNotContain(code);
        assertThat(flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(9);
        flow.tryStep(code, "revision-request", "{\"reason\": \"x\"}", leader(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value(9));
    }

    /** The codes of specialist1's dossiers in status 4 the leader sent back ({@code true}) or not, on every page. */
    private List<String> sentBackCodes(boolean sentBack) throws Exception {
        return queueCodes("status=4&assignee=specialist1&sentBack=" + sentBack, specialist(AGENCY_THUONG_TIN), "revisionReason",
                sentBack);
    }

    /** The codes of the agency's dossiers whose draft awaits a leader's decision ({@code true}) or not, on every page. */
    private List<String> awaitingApprovalCodes(boolean awaiting) throws Exception {
        return queueCodes("status=4&awaitingApproval=" + awaiting, leader(AGENCY_THUONG_TIN), "approvalRequestedAt", awaiting);
    }

    /** The codes the queue lists for the filter on every page, each item's {@code field} set exactly when {@code set}. */
    private List<String> queueCodes(String filter, RequestPostProcessor who, String field, boolean set) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            JsonNode items = flow.getJson("/api/v1/work-queue?" + filter + "&size=100&page=" + page, who).get("items");
            if (items.isEmpty()) {
                return codes;
            }
            for (JsonNode item : items) {
                assertThat(item.get(field).isNull()).as(item.toString()).isEqualTo(!set);
                codes.add(item.get("code").asString());
            }
        }
        return codes;
    }

    @Test
    void aSpecialistSubmitsTheDraftForApprovalAndTheLeadersQueueListsItUntilALeaderDecides() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        // Before a specialist has it (status 2), there is no draft to submit.
        flow.tryStep(code, "approval-request", null, specialist(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON)).andExpect(jsonPath("$.currentStatus").value(2));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        long version = dossiers.findById(code).orElseThrow().version();

        // Who may not: the leader, the officer, the owner, a specialist of another agency, no token; nor with a note too long.
        flow.tryStep(code, "approval-request", null, leader(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        flow.tryStep(code, "approval-request", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        flow.tryStep(code, "approval-request", null, citizen(CITIZEN_1)).andExpect(status().isForbidden());
        flow.tryStep(code, "approval-request", null, specialist(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/dossiers/" + code + "/approval-request"))
                .andExpect(status().isUnauthorized());
        flow.tryStep(code, "approval-request", "{\"note\": \"" + "x".repeat(2001) + "\"}", specialist(AGENCY_THUONG_TIN))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        assertThat(dossiers.findById(code).orElseThrow().version()).isEqualTo(version);

        JsonNode submitted = flow.step(code, "approval-request", "{\"note\": \"Đủ điều kiện cấp phép\"}",
                specialist(AGENCY_THUONG_TIN));
        assertThat(submitted.get("nationalStatus").asInt()).isEqualTo(4);
        ConsumerRecord<String, String> event = KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierApprovalRequested".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
        JsonNode request = json.readTree(event.value());
        assertThat(request.get("assignee").asString()).isEqualTo("specialist1");
        assertThat(request.get("note").asString()).isEqualTo("Đủ điều kiện cấp phép");
        JsonNode history = flow.getJson("/api/v1/dossiers/" + code + "/history", officer(AGENCY_THUONG_TIN));
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("REQUEST_APPROVAL");
        assertThat(history.get(history.size() - 1).get("role").asString()).isEqualTo("specialist");
        assertThat(awaitingApprovalCodes(true)).contains(code);
        assertThat(awaitingApprovalCodes(false)).doesNotContain(code);
        flow.tryStep(code, "approval-request", null, specialist(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("awaits a leader's decision")));

        // Sent back, it leaves the list until submitted again; approved, it leaves it for good.
        flow.step(code, "revision-request", "{\"reason\": \"Ghi rõ địa điểm kinh doanh\"}", leader(AGENCY_THUONG_TIN));
        assertThat(awaitingApprovalCodes(true)).doesNotContain(code);
        flow.step(code, "approval-request", null, specialist(AGENCY_THUONG_TIN));
        assertThat(awaitingApprovalCodes(true)).contains(code);
        flow.step(code, "approval", null, leader(AGENCY_THUONG_TIN));
        assertThat(awaitingApprovalCodes(true)).doesNotContain(code);
        // Submitted after the approval, the draft has changed: the approval is withdrawn until given again.
        assertThat(flow.step(code, "approval-request", "{\"note\": \"Đã sửa lỗi chính tả\"}", specialist(AGENCY_THUONG_TIN))
                .get("approvedBy").isNull()).isTrue();
        flow.tryStep(code, "result", null, specialist(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("a leader has not approved the result yet")));
        flow.step(code, "approval", null, leader(AGENCY_THUONG_TIN));
        assertThat(flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(9);
        flow.tryStep(code, "approval-request", null, specialist(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value(9));
    }

    @Test
    void aDossierPassedToAnotherSpecialistLeavesTheFirstOnesQueueAndTheEventNamesBoth() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "approval-request", null, specialist(AGENCY_THUONG_TIN));
        String due = flow.getJson("/api/v1/dossiers/" + code, officer(AGENCY_THUONG_TIN)).get("dueDate").asString();
        // Who may not pass it on: the specialist, the owner, another agency's leader.
        flow.tryStep(code, "assignment", "{\"assignee\": \"specialist2\"}", specialist(AGENCY_THUONG_TIN))
                .andExpect(status().isForbidden());
        flow.tryStep(code, "assignment", "{\"assignee\": \"specialist2\"}", citizen(CITIZEN_1)).andExpect(status().isForbidden());
        flow.tryStep(code, "assignment", "{\"assignee\": \"specialist2\"}", leader(AGENCY_JUSTICE)).andExpect(status().isNotFound());

        JsonNode passed = flow.step(code, "assignment", "{\"assignee\": \"specialist2\"}", leader(AGENCY_THUONG_TIN));

        assertThat(passed.get("nationalStatus").asInt()).isEqualTo(4);
        assertThat(passed.get("dueDate").asString()).isEqualTo(due);
        JsonNode reassigned = json.readTree(KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierReassigned".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20)).value());
        assertThat(reassigned.get("previousAssignee").asString()).isEqualTo("specialist1");
        assertThat(reassigned.get("assignee").asString()).isEqualTo("specialist2");
        assertThat(assertThrows(AssertionError.class, () -> queueItem(code))).hasMessageContaining("is not in specialist1's queue");
        // The draft submitted before awaits its decision still: it is the dossier's, and the new specialist carries it on.
        assertThat(awaitingApprovalCodes(true)).contains(code);
    }

    @Test
    void aDossierAwaitingTheApplicantPassesToAnotherSpecialistAndStaysPausedButOneNotYetReceivedIsNotAssigned()
            throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "supplement-request", "{\"reason\": \"Bản sao chưa chứng thực\", \"documents\": [\"Bản sao\"]}",
                specialist(AGENCY_THUONG_TIN));

        JsonNode passed = flow.step(code, "assignment", "{\"assignee\": \"specialist2\"}", officer(AGENCY_THUONG_TIN));

        assertThat(passed.get("nationalStatus").asInt()).isEqualTo(5);
        assertThat(passed.get("paused").asBoolean()).isTrue();
        assertThat(passed.get("assignee").asString()).isEqualTo("specialist2");
        JsonNode reassigned = json.readTree(KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key())
                && "DossierReassigned".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20)).value());
        assertThat(reassigned.at("/dossier/nationalStatus").asInt()).isEqualTo(5);

        String atTheCounter = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(atTheCounter, "intake-supplement-request", "{\"reason\": \"Thiếu đơn\", \"documents\": [\"Đơn\"]}",
                officer(AGENCY_THUONG_TIN));
        flow.tryStep(atTheCounter, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:illegal-transition"))
                .andExpect(jsonPath("$.currentStatus").value(5))
                .andExpect(jsonPath("$.detail").value(containsString("before reception")));
        JsonNode unassigned = flow.dossier(atTheCounter, officer(AGENCY_THUONG_TIN)).path("assignee");
        assertThat(unassigned.isNull() || unassigned.isMissingNode()).as("no assignee recorded").isTrue();
    }

    /** The dossier as specialist1's queue lists it, page by page: the tests of this module share one database. */
    private JsonNode queueItem(String code) throws Exception {
        for (int page = 0; page < 100; page++) {
            JsonNode items = flow.getJson("/api/v1/work-queue?status=4&assignee=specialist1&size=100&page=" + page,
                    specialist(AGENCY_THUONG_TIN)).get("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                if (code.equals(item.get("code").asString())) {
                    return item;
                }
            }
        }
        throw new AssertionError(code + " is not in specialist1's queue");
    }

    @Test
    void stoppingProcessingIssuesTheStopNotice() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", leader(AGENCY_THUONG_TIN));
        flow.tryStep(code, "stop", "{\"reason\": \"x\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        JsonNode stopped = flow.step(code, "stop", "{\"reason\": \"Người nộp đề nghị dừng\"}", leader(AGENCY_THUONG_TIN));
        assertThat(stopped.get("nationalStatus").asInt()).isEqualTo(8);
        assertThat(pdfText(code, "stop")).contains("THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ", "Người nộp đề nghị dừng");
        assertThat(stopped.get("forms").toString()).isEqualTo("[\"01\",\"05\",\"stop\"]");
    }

    @Test
    void theControlSlipListsEveryHandOverWithItsTimeAsPdfAndCsv() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/05").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.issuedForms").isEmpty());
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "approval", "{\"note\": \"Đồng ý\"}", leader(AGENCY_THUONG_TIN));

        assertThat(pdfText(code, "05")).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 05", code,
                "RECEIVE", "ASSIGN", "APPROVE", "assigned to specialist1", "1 → 2");
        String csv = mvc.perform(get("/api/v1/dossiers/" + code + "/forms/05.csv").with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows.getFirst()).startsWith("\uFEFF\"STT\",\"Thời điểm\",\"Người thực hiện\"");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).contains("\"REGISTER\"", "\"citizen\"");
        assertThat(rows.get(3)).contains("\"ASSIGN\"", "\"assigned to specialist1\"");
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/05.csv").with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/05.csv").with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/forms/05.csv")).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiDocumentSaysWhoMayTakeEachStepAndThatIfMatchGuardsIt() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/reception'].post.description")
                        .value("Who may take this step: officer of the dossier's agency."))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/assignment'].post.description")
                        .value("Who may take this step: officer or leader of the dossier's agency."))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/assignment'].post.x-roles")
                        .value(Matchers.contains("officer", "leader")))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/paper'].post.x-roles").value(Matchers.contains("officer")))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/withdrawal'].post.description")
                        .value("Who may take this step: the dossier's owner, or the portal that submitted it for them (citizen or portal)."))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/reception'].post.parameters[?(@.in == 'header')].name")
                        .value(Matchers.contains("If-Match")))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/reception'].post.responses['412'].description")
                        .value(Matchers.containsString("If-Match")))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers'].post.responses['422'].description")
                        .value(Matchers.containsString("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/reception'].post.responses['422'].description")
                        .value(Matchers.allOf(Matchers.containsString("rule"), Matchers.not(Matchers.containsString("Idempotency-Key")))))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/history'].get.responses['409']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/reception'].post.parameters[?(@.name == 'caller')]")
                        .isEmpty());
    }
}
