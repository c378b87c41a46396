package vn.motcua.dossier.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * A result handed over online is its electronic copy in the dossier: staff attach it, the leader's
 * approval comes before the applicant reads it, and the applicant cannot pass a file of theirs off as it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class OnlineResultIT {
    private static final String RESULT = "Kết quả giải quyết";
    private static final byte[] SIGNED_COPY = "%PDF-1.4\n% giay phep ban le ruou, ban dien tu\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    private DossierFlow flow;

    @BeforeEach
    void setUp() {
        flow = new DossierFlow(mvc, json);
    }

    private String approvedWithResultOnline() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1)
                .replace("\"procedureCode\"", "\"resultDelivery\": \"ONLINE\", \"procedureCode\""), citizen(CITIZEN_1));
        for (String kind : SubmissionMother.LIQUOR_LICENCE_DOCUMENTS) {
            flow.upload(code, kind, "giay-to.pdf", DossierFlow.PDF, citizen(CITIZEN_1));
        }
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "approval", "{\"note\": \"Đồng ý\"}", leader(AGENCY_THUONG_TIN));
        return code;
    }

    private long resultFilesSeenBy(String code, RequestPostProcessor who)
            throws Exception {
        JsonNode files = flow.getJson("/api/v1/dossiers/" + code + "/documents", who);
        return files.valueStream().filter(file -> RESULT.equals(file.get("kind").asString())).count();
    }

    @Test
    void anOnlineResultIsReadyOnlyWithItsElectronicCopyWhichTheApplicantReadsFromThen() throws Exception {
        String code = approvedWithResultOnline();
        flow.tryStep(code, "result", null, specialist(AGENCY_THUONG_TIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:result-file-missing"))
                .andExpect(jsonPath("$.kind").value(RESULT));
        assertThat(flow.dossier(code, citizen(CITIZEN_1)).get("nationalStatus").asInt()).as("unchanged").isEqualTo(4);

        // A copy attached by mistake is followed by the right one, which alone the applicant reads.
        String mistaken = json.readTree(flow.upload(code, RESULT, "nham.pdf", DossierFlow.PDF, specialist(AGENCY_THUONG_TIN))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        // Written in capitals by the specialist: the same kind, stored as the catalog writes it.
        String id = json.readTree(flow.upload(code, "KẾT QUẢ GIẢI QUYẾT", "giay-phep.pdf", SIGNED_COPY,
                specialist(AGENCY_THUONG_TIN)).andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value(RESULT))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).as("a draft until the result is ready").isZero();
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + id).with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound());
        assertThat(resultFilesSeenBy(code, officer(AGENCY_THUONG_TIN))).as("staff see both").isEqualTo(2);

        // Released to the applicant's account, it is returned at once (ADR 0071).
        assertThat(flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(10);
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> code.equals(r.key()) && "DossierReturned".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(4))).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"returnedVia\":\"ONLINE\""));
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).isEqualTo(1);
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + id).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(SIGNED_COPY));
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + mistaken).with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound());
        // An upload that passed its status check just before the step stores its copy just after: not the result.
        mongo.insert(new Document("_id", "late-" + code).append("dossierCode", code).append("kind", RESULT)
                .append("fileName", "muon.pdf").append("contentType", "application/pdf").append("size", 3L)
                .append("uploadedBy", "specialist1").append("uploadedAt", new Date()).append("content", new byte[] {1, 2, 3}),
                "dossier_documents");
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).isEqualTo(1);
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/late-" + code).with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + id).with(citizen(CITIZEN_1))).andExpect(status().isOk());
        flow.tryStep(code, "return", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict());
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).isEqualTo(1);
    }

    /** A festival permit whose fee the province has paid when the result is handed over, ready online with its copy. */
    private String readyOnlineWithItsFeeDue() throws Exception {
        String procedure = flow.publishFestivalPermitWithItsFeeAt("RESULT", false);
        String code = flow.submit(SubmissionMother.body(procedure, AGENCY_THUONG_TIN, CITIZEN_1, "an@example.com")
                .replace("\"procedureCode\"", "\"resultDelivery\": \"ONLINE\", \"procedureCode\""), citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "approval", "{\"note\": \"Đồng ý\"}", leader(AGENCY_THUONG_TIN));
        flow.upload(code, RESULT, "giay-phep.pdf", SIGNED_COPY, specialist(AGENCY_THUONG_TIN)).andExpect(status().isCreated());
        assertThat(flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(9);
        return code;
    }

    @Test
    void anOnlineResultWhoseFeeFallsDueAtTheResultIsReleasedAndSoReturnedOnceThePaymentServiceReportsItPaid()
            throws Exception {
        String code = readyOnlineWithItsFeeDue();
        String copy = flow.getJson("/api/v1/dossiers/" + code + "/documents", officer(AGENCY_THUONG_TIN)).get(0).get("id").asString();

        assertThat(flow.dossier(code, citizen(CITIZEN_1)).get("awaitsResultFee").asBoolean()).isTrue();
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).isZero();
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + copy).with(citizen(CITIZEN_1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:result-fee-unpaid"));
        flow.tryStep(code, "return", null, officer(AGENCY_THUONG_TIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:result-fee-unpaid"));
        for (String via : new String[] {"POST", "online", "x".repeat(300)}) {
            flow.tryStep(code, "return?via=" + via, null, officer(AGENCY_THUONG_TIN)).andExpect(status().isBadRequest());
        }
        assertThat(flow.dossier(code, officer(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).as("unchanged").isEqualTo(9);

        KafkaProbe.send(EventMother.record(new PaymentCompleted("PAY-" + code + "-RESULT", code, FeeStage.RESULT, 300000,
                PaymentMethod.ONLINE, Instant.now())));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> flow.dossier(code, citizen(CITIZEN_1)).get("nationalStatus").asInt() == 10);

        JsonNode returned = flow.dossier(code, officer(AGENCY_THUONG_TIN));
        assertThat(returned.get("awaitsResultFee").asBoolean()).isFalse();
        assertThat(returned.get("closedAt").isNull()).as("closed by its return").isFalse();
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).isEqualTo(1);
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + copy).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(SIGNED_COPY));
        flow.tryStep(code, "return", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict());
    }

    @Test
    void anOnlineResultStillUnpaidIsHandedOverAtTheCounterAndReadFromThen() throws Exception {
        String code = readyOnlineWithItsFeeDue();

        JsonNode returned = flow.step(code, "return?via=COUNTER", null, officer(AGENCY_THUONG_TIN));

        assertThat(returned.get("nationalStatus").asInt()).isEqualTo(10);
        assertThat(resultFilesSeenBy(code, citizen(CITIZEN_1))).as("the fee was paid where it was handed over").isEqualTo(1);
    }

    @Test
    void theApplicantCannotPassAFileOffAsTheResult() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        for (String kind : new String[] {RESULT, "kết quả giải quyết ", "KẾT QUẢ GIẢI QUYẾT"}) {
            flow.upload(code, kind, "gia-mao.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:kind-reserved-for-the-agency"));
        }
        assertThat(flow.getJson("/api/v1/dossiers/" + code + "/documents", citizen(CITIZEN_1)).isEmpty())
                .as("nothing stored").isTrue();
    }

    @Test
    void aResultSignedForInPersonIsNotHandedOverOnline() throws Exception {
        // Marriage registration: the couple sign the register at the counter.
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content(SubmissionMother.body("1.000002", AGENCY_THUONG_TIN, CITIZEN_1, "a@example.com")
                                .replace("\"procedureCode\"", "\"resultDelivery\": \"ONLINE\", \"procedureCode\""))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:result-signed-in-person"));
    }
}
