package vn.motcua.dossier.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.events.postal.ShipmentReturnedToSender;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class DeadlinesAndOutsideEventsIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    DeadlinePolicy deadlines;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    MongoTemplate mongo;

    DossierFlow flow;

    @BeforeEach
    void setUp() {
        flow = new DossierFlow(mvc, json);
    }

    private String receivedDossier() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        return code;
    }

    private List<String> eventTypes(String code, int expected) {
        return KafkaProbe.collect(Topics.DOSSIER, r -> code.equals(r.key()), expected, Duration.ofSeconds(20)).stream()
                .map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList();
    }

    @Test
    void theWatchFlagsAtRiskThenOverdueOncePerDueDate() throws Exception {
        String code = receivedDossier();
        LocalDate due = dossiers.findById(code).orElseThrow().dueDate();
        LocalDate workingDayBeforeDue = due.minusDays(1);
        while (!deadlines.calendar().isWorkingDay(workingDayBeforeDue)) {
            workingDayBeforeDue = workingDayBeforeDue.minusDays(1);
        }
        Instant dayBeforeDue = workingDayBeforeDue.atTime(9, 0).atZone(deadlines.zone()).toInstant();
        Instant afterDue = due.plusDays(3).atTime(9, 0).atZone(deadlines.zone()).toInstant();

        watch.watch(dayBeforeDue);
        assertThat(dossiers.findById(code).orElseThrow().deadlineFlag().name()).isEqualTo("AT_RISK");
        watch.watch(dayBeforeDue);
        watch.watch(afterDue);
        watch.watch(afterDue);
        Dossier flagged = dossiers.findById(code).orElseThrow();
        assertThat(flagged.deadlineFlag().name()).isEqualTo("OVERDUE");
        assertThat(flagged.history()).extracting(e -> e.action()).containsSubsequence("FLAG_AT_RISK", "FLAG_OVERDUE");

        assertThat(eventTypes(code, 5)).containsExactly("DossierSubmitted", "DossierFeesPriced", "DossierReceived", "DossierAtRisk",
                "DossierOverdue");
    }

    @Test
    void aPaidObligationResumesProcessingAndAReplayChangesNothing() throws Exception {
        String code = receivedDossier();
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        JsonNode waiting = flow.step(code, "financial-obligation",
                "{\"amount\": 500000, \"reason\": \"Lệ phí trước bạ\"}", specialist(AGENCY_THUONG_TIN));
        assertThat(waiting.get("nationalStatus").asInt()).isEqualTo(6);

        var paid = EventMother.record(new PaymentCompleted("PAY-" + code + "-OBLIGATION", code, FeeStage.OBLIGATION, 500000,
                PaymentMethod.ONLINE, Instant.now()));
        KafkaProbe.send(paid);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> dossiers.findById(code).orElseThrow().status() == NationalStatus.PROCESSING);
        long version = dossiers.findById(code).orElseThrow().version();
        KafkaProbe.send(EventMother.record(new PaymentCompleted("PAY-" + code + "-OBLIGATION", code, FeeStage.OBLIGATION,
                500000, PaymentMethod.ONLINE, Instant.now())));
        assertThat(eventTypes(code, 8)).containsExactly("DossierSubmitted", "DossierFeesPriced", "DossierReceived",
                "DossierProcessingStarted", "DossierFinancialObligationRequested", "DossierFeesPriced",
                "DossierFinancialObligationMet");
        assertThat(dossiers.findById(code).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aProcedureWhoseFeeIsPaidOnSubmissionIsReceivedOnceThePaymentServiceReportsItPaid() throws Exception {
        String procedure = flow.publishFestivalPermitWithItsFeeAt("INTAKE", true);
        String code = flow.submit(SubmissionMother.body(procedure, AGENCY_THUONG_TIN, CITIZEN_1, "an@example.com"), citizen(CITIZEN_1));

        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN)).andExpect(MockMvcResultMatchers.status().isConflict())
                .andExpect(MockMvcResultMatchers.jsonPath("$.type").value("urn:motcua:problem:intake-fee-unpaid"));
        KafkaProbe.send(EventMother.record(new PaymentCompleted("PAY-" + code + "-INTAKE", code, FeeStage.INTAKE, 300000,
                PaymentMethod.ONLINE, Instant.now())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !dossiers.findById(code).orElseThrow().awaitsIntakeFee());
        assertThat(flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(2);
    }

    @Test
    void aConfirmedPostalDeliveryReturnsTheResult() throws Exception {
        String code = resultReadyForPost();
        flow.tryStep(code, "return", null, officer(AGENCY_THUONG_TIN))
                .andExpect(MockMvcResultMatchers.status().isConflict());

        KafkaProbe.send(EventMother.record(new ShipmentDelivered("RET-" + code, code, ShipmentPurpose.RESULT_RETURN, "EE123456785VN",
                Instant.now())));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> dossiers.findById(code).orElseThrow().status() == NationalStatus.RESULT_RETURNED);
        Dossier returned = dossiers.findById(code).orElseThrow();
        assertThat(returned.returnedVia()).isEqualTo("POST");
        assertThat(returned.history().getLast().role()).isEqualTo("system");
    }

    @Test
    void aResultTheOperatorBroughtBackWaitsAtTheCounterAndTheCitizenIsToBeTold() throws Exception {
        String code = resultReadyForPost();
        var returned = EventMother.record(new ShipmentReturnedToSender("RET-" + code, code, ShipmentPurpose.RESULT_RETURN,
                "RR123456785VN", 3, "Không có người nhận", Instant.now()));
        KafkaProbe.send(returned);
        KafkaProbe.send(returned);
        assertThat(eventTypes(code, 7)).endsWith("DossierResultReady", "DossierResultAwaitingCollection");
        Dossier atCounter = dossiers.findById(code).orElseThrow();
        assertThat(atCounter.status()).isEqualTo(NationalStatus.RESULT_READY);
        assertThat(atCounter.resultDelivery()).isEqualTo(ResultDelivery.COUNTER);
        assertThat(atCounter.history().getLast().reason()).isEqualTo("Không có người nhận");
        assertThat(atCounter.history().stream().filter(entry -> entry.action().equals("RESULT_BACK_FROM_POST"))).hasSize(1);

        // Now an officer hands it over at the counter.
        flow.step(code, "return", null, officer(AGENCY_THUONG_TIN));
        assertThat(dossiers.findById(code).orElseThrow().returnedVia()).isEqualTo("COUNTER");
    }

    private String resultReadyForPost() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1)
                .replace("\"applicant\"", "\"resultDelivery\": \"POST\", \"applicant\""), citizen(CITIZEN_1));
        flow.step(code, "reception", "{\"paperDocuments\": [\"Đơn đề nghị cấp giấy phép\", \"Bản sao giấy chứng nhận đăng ký kinh doanh\"]}",
                officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "approval", null, leader(AGENCY_THUONG_TIN));
        flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN));
        return code;
    }

    @Test
    void anAlteredHistoryEntryIsNamedByTheVerification() throws Exception {
        String code = receivedDossier();
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));
        // Someone with database access rewrites who received the dossier.
        mongo.updateFirst(new Query(where("_id").is(code)), new Update().set("history.1.actorName", "someone-else"),
                Dossier.class);
        JsonNode verification = flow.getJson("/api/v1/dossiers/" + code + "/history/verification", ops());
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEntry").asInt()).isEqualTo(2);

        // Removing an entry is caught too.
        String other = receivedDossier();
        mongo.updateFirst(new Query(where("_id").is(other)), new Update().pop("history", Update.Position.FIRST),
                Dossier.class);
        assertThat(flow.getJson("/api/v1/dossiers/" + other + "/history/verification", leader(AGENCY_THUONG_TIN))
                .get("firstBrokenEntry").asInt()).isEqualTo(1);
    }
}
