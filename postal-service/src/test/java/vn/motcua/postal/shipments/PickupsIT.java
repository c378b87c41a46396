package vn.motcua.postal.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.postalOperator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.Topics;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.postal.reference.Procedures;
import vn.motcua.testinfra.AbandonedRequests;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * A paper dossier collected at the citizen's address (BCCI intake): asked for by its citizen only,
 * for a procedure the catalog accepts by post, handed to the operator at once with its item id and
 * price, and announced as arrived at the agency once, however often the delivery is reported.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class PickupsIT {
    private static final String BY_POST = "2.000009";
    private static final String NOT_BY_POST = "2.000016";
    /** An online procedure whose agency must see the paper originals. */
    private static final String ORIGINALS = "9.ORIGINALS";
    /** Its originals the agency only compares: they go back once the dossier is received (ADR 0080). */
    private static final String COMPARED = "9.COMPARED";
    /** Its originals the agency keeps in its file. */
    private static final String KEPT = "9.KEPT";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ShipmentRepository shipments;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void publishProcedures(@Autowired Procedures procedures) {
        KafkaProbe.send(EventMother.record(procedure(BY_POST, true)));
        KafkaProbe.send(EventMother.record(procedure(NOT_BY_POST, false)));
        KafkaProbe.send(EventMother.record(new ProcedurePublished(ORIGINALS, 1, "Thủ tục cần bản gốc", "Đất đai", "COMMUNE", 3, 5,
                false, true, false, true, false, List.of("Tờ khai"), List.of(), FeeStage.INTAKE, null, Instant.now())));
        for (String code : List.of(COMPARED, KEPT)) {
            KafkaProbe.send(EventMother.record(new ProcedurePublished(code, 1, "Thủ tục " + code, "Đất đai", "COMMUNE", 3, 5, false, true,
                    false, true, false, List.of("Tờ khai"), List.of(), FeeStage.INTAKE, null, Instant.now(), KEPT.equals(code))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> procedures.byCode(BY_POST).isPresent()
                && procedures.byCode(NOT_BY_POST).isPresent() && procedures.byCode(ORIGINALS).isPresent()
                && procedures.byCode(COMPARED).isPresent() && procedures.byCode(KEPT).isPresent());
    }

    private static ProcedurePublished procedure(String code, boolean acceptByPost) {
        return new ProcedurePublished(code, 1, "Thủ tục " + code, "Kinh doanh", "DISTRICT", 3, 5, acceptByPost, true, false, false,
                false, List.of("Tờ khai"), List.of(), FeeStage.INTAKE, null, Instant.now());
    }

    /** An online dossier of the procedure needing its originals, submitted: the post offers to collect them. */
    private DossierSnapshot submittedNeedingOriginals() {
        return submittedNeedingOriginals(ORIGINALS);
    }

    private DossierSnapshot submittedNeedingOriginals(String procedure) {
        String code = EventMother.newDossierCode();
        DossierSnapshot online = new DossierSnapshot(code, procedure, AGENCY_THUONG_TIN, CITIZEN_1, Channel.ONLINE.code(),
                ResultDelivery.COUNTER, 1);
        KafkaProbe.send(EventMother.record(new DossierSubmitted(online, "Thủ tục cần bản gốc", new Applicant("Nguyễn Văn An",
                CITIZEN_1, "0912345678", null, "Số 5 phố Lê Lợi, Hà Nội"), null, List.of(), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(Shipment.originalsId(code)));
        return online;
    }

    /** Originals the citizen asked the post to collect: the operator has the item. */
    private record Requested(DossierSnapshot dossier, String id, String item) {
        String code() {
            return dossier.dossierCode();
        }
    }

    private Requested originalsRequested() throws Exception {
        return originalsRequested(ORIGINALS);
    }

    private Requested originalsRequested(String procedure) throws Exception {
        DossierSnapshot online = submittedNeedingOriginals(procedure);
        String id = Shipment.originalsId(online.dossierCode());
        collectOriginalsAtHome(id).andExpect(status().isOk());
        return new Requested(online, id, shipments.findById(id).orElseThrow().itemId());
    }

    private ResultActions collectOriginalsAtHome(String id) throws Exception {
        return mvc.perform(put("/api/v1/shipments/" + id + "/address").with(citizen(CITIZEN_1)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"recipientName": "Nguyễn Văn An", "recipientPhone": "0912345678", "address": "Số 5 phố Lê Lợi",
                         "province": "Hà Nội"}"""));
    }

    @Test
    void theOriginalsAnAgencyMustSeeAreOfferedAndLeaveWhenTheCitizenConfirmsWhereToCollectThem() throws Exception {
        String code = submittedNeedingOriginals().dossierCode();
        String id = Shipment.originalsId(code);
        assertThat(shipments.findById(id).orElseThrow().status()).isEqualTo(Shipment.Status.AWAITING_RESULT);
        assertThat(shipments.existsById(Shipment.resultDeliveryId(code))).isFalse();

        collectOriginalsAtHome(id).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PAPER_ORIGINALS")).andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.price.tariffId").isNotEmpty());
        String item = shipments.findById(id).orElseThrow().itemId();
        List<ConsumerRecord<String, String>> asked = KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"),
                r -> code.equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().value()).contains("\"purpose\":\"PAPER_ORIGINALS\"").contains(item);

        mvc.perform(post("/api/v1/shipments/" + id + "/reports").with(postalOperator("postal-vnpost"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reportId": "o1", "progress": "DELIVERED", "at": "%s", "itemId": "%s", "detail": "Bộ phận một cửa"}"""
                        .formatted(Instant.now(), item))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/shipments").param("status", "DELIVERED").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')].kind").value("PAPER_ORIGINALS"));
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> code.equals(r.key()) && "ShipmentDelivered".equals(KafkaProbe.header(r,
                "ce_type")), 2, Duration.ofSeconds(5)).getFirst().value()).contains("PAPER_ORIGINALS");
    }

    @Test
    void theOriginalsOfARefusedDossierAreNotCollectedAndTheOperatorIsToldToDropThem() throws Exception {
        Requested originals = originalsRequested();

        KafkaProbe.send(EventMother.record(new DossierRejected(originals.dossier(), "Không thuộc thẩm quyền", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(originals.id()).orElseThrow().status() == Shipment.Status.CANCELLED);
        assertThat(KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"), r -> originals.code().equals(r.key())
                && "ShipmentCancelled".equals(KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5)))
                .singleElement().extracting(ConsumerRecord::value).asString().contains(originals.item()).contains("Hồ sơ bị từ chối");
    }

    @Test
    void originalsThePostmanCollectedForADossierWithdrawnSinceGoBackOnceTheyReachTheAgency() throws Exception {
        Requested originals = originalsRequested();
        String code = originals.code();
        report(originals.id(), "ori-picked", "PICKED_UP", originals.item());

        KafkaProbe.send(EventMother.record(new DossierWithdrawn(originals.dossier(), "Công dân rút hồ sơ", Instant.now())));

        String back = Shipment.originalsReturnId(code);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(back));
        mvc.perform(get("/api/v1/shipments/" + back).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ORIGINALS_RETURN")).andExpect(jsonPath("$.status").value("AWAITING_RESULT"))
                .andExpect(jsonPath("$.address").value("Số 5 phố Lê Lợi")).andExpect(jsonPath("$.resultReady").value(false));
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> code.equals(r.key()) && "OriginalsReturnPlanned".equals(KafkaProbe.header(r,
                "ce_type")), 2, Duration.ofSeconds(5))).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"reason\":\"Hồ sơ được rút\"").contains(back);
        mvc.perform(get("/api/v1/shipments/" + back).with(citizen(CITIZEN_2))).andExpect(status().isNotFound());

        report(originals.id(), "ori-arrived", "DELIVERED", originals.item());

        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(back).orElseThrow().status() == Shipment.Status.REQUESTED);
        String backItem = shipments.findById(back).orElseThrow().itemId();
        assertThat(KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"), r -> code.equals(r.key())
                && "ShipmentRequested".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(backItem), 2, Duration.ofSeconds(5)))
                .singleElement().extracting(ConsumerRecord::value).asString().contains("\"purpose\":\"ORIGINALS_RETURN\"")
                .contains("Số 5 phố Lê Lợi");
    }

    @Test
    void originalsAtTheAgencyWhenTheDossierIsRefusedAreHandedBackAtTheCounterByItsOwnOfficerOnly() throws Exception {
        Requested originals = originalsRequested();
        String code = originals.code();
        report(originals.id(), "ori-arrived", "DELIVERED", originals.item());

        KafkaProbe.send(EventMother.record(new DossierRejected(originals.dossier(), "Không đủ điều kiện", Instant.now())));

        String back = Shipment.originalsReturnId(code);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(back).map(Shipment::status)
                .orElse(null) == Shipment.Status.REQUESTED);
        String handDelivery = "/api/v1/shipments/" + back + "/hand-delivery";
        String signed = "{\"receivedBy\": \"Nguyễn Văn An\"}";
        mvc.perform(post(handDelivery).with(officer(AGENCY_JUSTICE)).contentType(MediaType.APPLICATION_JSON).content(signed))
                .andExpect(status().isNotFound());
        mvc.perform(post(handDelivery).with(citizen(CITIZEN_1)).contentType(MediaType.APPLICATION_JSON).content(signed))
                .andExpect(status().isForbidden());
        mvc.perform(post(handDelivery).with(officer(AGENCY_THUONG_TIN)).contentType(MediaType.APPLICATION_JSON).content(signed))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DELIVERED"));
        String backItem = shipments.findById(back).orElseThrow().itemId();
        assertThat(KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"), r -> code.equals(r.key())
                && "ShipmentCancelled".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(backItem), 2, Duration.ofSeconds(5)))
                .as("the postman no longer comes for them").hasSize(1);
        mvc.perform(get("/api/v1/shipments/statistics").param("from", LocalDate.now().minusDays(1).toString())
                .param("to", LocalDate.now().plusDays(1).toString()).with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.originalsSentBack.handedOver").value(Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void theAgencysOfficerSendsCheckedOriginalsBackOnceTheyArrivedAndAskedAgainGetsTheSameReturn() throws Exception {
        Requested originals = originalsRequested();
        String code = originals.code();
        String sendBack = "/api/v1/shipments/" + originals.id() + "/originals-return";
        mvc.perform(post(sendBack).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:originals-not-at-agency"));
        report(originals.id(), "ori-arrived", "DELIVERED", originals.item());

        mvc.perform(post(sendBack).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(post(sendBack).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(post(sendBack)).andExpect(status().isUnauthorized());
        String back = Shipment.originalsReturnId(code);
        assertThat(shipments.existsById(back)).as("nothing sent back by a refusal").isFalse();

        mvc.perform(post(sendBack).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(back)).andExpect(jsonPath("$.kind").value("ORIGINALS_RETURN"))
                .andExpect(jsonPath("$.status").value("REQUESTED")).andExpect(jsonPath("$.price.tariffId").isNotEmpty());
        mvc.perform(post(sendBack).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(back));
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> code.equals(r.key()) && "OriginalsReturnPlanned".equals(KafkaProbe.header(r,
                "ce_type")), 2, Duration.ofSeconds(5))).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("đối chiếu xong bản chính");
        mvc.perform(post("/api/v1/shipments/" + back + "/originals-return").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:not-paper-originals"));
    }

    @Test
    void aPaperDossierThePostBroughtAndTheAgencyRefusedGoesBackToWhereItWasCollectedOnce() throws Exception {
        JsonNode created = json.readTree(pickup(citizen(CITIZEN_1), BY_POST, "Hà Nội").andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        String pickupId = created.get("id").asString();
        String item = created.get("itemId").asString();
        report(pickupId, "arrived", "DELIVERED", item);
        DossierSnapshot registered = new DossierSnapshot(EventMother.newDossierCode(), BY_POST, AGENCY_THUONG_TIN, CITIZEN_1,
                Channel.POSTAL.code(), ResultDelivery.COUNTER, 1);
        String code = registered.dossierCode();
        KafkaProbe.send(EventMother.record(new DossierSubmitted(registered, "Thủ tục " + BY_POST, new Applicant("Nguyễn Văn An", CITIZEN_1,
                "0912345678", null, "Số 5 phố Lê Lợi, xã Thường Tín"), null, List.of(), Instant.now(), item)));
        await().atMost(Duration.ofSeconds(20)).until(() -> code.equals(shipments.findById(pickupId).orElseThrow().dossierCode()));

        DossierRejected refused = new DossierRejected(registered, "Thiếu tờ khai", Instant.now());
        KafkaProbe.send(EventMother.record(refused));
        KafkaProbe.send(EventMother.record(refused));
        String back = Shipment.dossierReturnId(code);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(back).map(Shipment::status)
                .orElse(null) == Shipment.Status.REQUESTED);
        mvc.perform(get("/api/v1/shipments/" + back).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("DOSSIER_RETURN")).andExpect(jsonPath("$.address").value("Số 5 phố Lê Lợi, xã Thường Tín"))
                .andExpect(jsonPath("$.price.tariffId").isNotEmpty());
        mvc.perform(get("/api/v1/shipments/" + back).with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> code.equals(r.key()) && "PaperDossierReturnPlanned".equals(KafkaProbe.header(r,
                "ce_type")), 2, Duration.ofSeconds(5))).as("once, the refusal told twice").singleElement().extracting(ConsumerRecord::value)
                .asString().contains("\"reason\":\"Hồ sơ bị từ chối\"").contains(item);
        String backItem = shipments.findById(back).orElseThrow().itemId();
        assertThat(KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"), r -> code.equals(r.key())
                && "ShipmentRequested".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(backItem), 2, Duration.ofSeconds(5)))
                .singleElement().extracting(ConsumerRecord::value).asString().contains("\"purpose\":\"DOSSIER_RETURN\"");
        mvc.perform(get("/api/v1/shipments/statistics").param("from", LocalDate.now().minusDays(1).toString())
                .param("to", LocalDate.now().plusDays(1).toString()).with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.dossiersSentBack.planned").value(Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void aDossierThatCameInNoEnvelopeOfThePostHasNothingToSendBack() throws Exception {
        DossierSnapshot atTheCounter = new DossierSnapshot(EventMother.newDossierCode(), BY_POST, AGENCY_THUONG_TIN, CITIZEN_1,
                Channel.IN_PERSON.code(), ResultDelivery.COUNTER, 1);
        KafkaProbe.send(EventMother.record(new DossierSubmitted(atTheCounter, "Thủ tục " + BY_POST, new Applicant("Nguyễn Văn An",
                CITIZEN_1, "0912345678", null, "Số 5 phố Lê Lợi"), null, List.of(), Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierWithdrawn(atTheCounter, "Công dân rút hồ sơ", Instant.now())));
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> atTheCounter.dossierCode().equals(r.key())
                && "PaperDossierReturnPlanned".equals(KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(5))).isEmpty();
        assertThat(shipments.existsById(Shipment.dossierReturnId(atTheCounter.dossierCode()))).isFalse();
    }

    @Test
    void originalsTheCatalogSaysAreOnlyComparedGoBackOnceTheDossierIsReceivedAndOnesItKeepsStay() throws Exception {
        Requested compared = originalsRequested(COMPARED);
        Requested kept = originalsRequested(KEPT);
        Requested silent = originalsRequested(ORIGINALS);
        report(compared.id(), "cmp-picked", "PICKED_UP", compared.item());
        report(kept.id(), "kept-picked", "PICKED_UP", kept.item());
        for (Requested originals : List.of(compared, kept, silent)) {
            // The officer had them in hand before the operator's report of their arrival came in.
            KafkaProbe.send(EventMother.record(new DossierReceived(originals.dossier(), LocalDate.now().plusDays(5), "officer1",
                    Instant.now())));
        }
        String back = Shipment.originalsReturnId(compared.code());
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(back));
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> kept.code().equals(r.key()) && "OriginalsKeptOnFile".equals(
                KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5))).as("its citizen is told they stay").singleElement()
                .extracting(ConsumerRecord::value).asString().contains("\"shipmentId\":\"" + kept.id() + "\"");
        for (Requested other : List.of(compared, silent)) {
            assertThat(KafkaProbe.collect(Topics.POSTAL, r -> other.code().equals(r.key()) && "OriginalsKeptOnFile".equals(
                    KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> compared.code().equals(r.key()) && "OriginalsReturnPlanned".equals(
                KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5))).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("đối chiếu xong bản chính");
        assertThat(shipments.findById(back).orElseThrow().status()).as("waits for them to reach the agency")
                .isEqualTo(Shipment.Status.AWAITING_RESULT);

        report(compared.id(), "cmp-arrived", "DELIVERED", compared.item());
        report(kept.id(), "kept-arrived", "DELIVERED", kept.item());
        report(silent.id(), "silent-arrived", "DELIVERED", silent.item());
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(back).orElseThrow().status() == Shipment.Status.REQUESTED);
        assertThat(shipments.existsById(Shipment.originalsReturnId(kept.code()))).as("the agency keeps them").isFalse();
        assertThat(shipments.existsById(Shipment.originalsReturnId(silent.code()))).as("the officer decides").isFalse();

        KafkaProbe.send(EventMother.record(new DossierReceived(compared.dossier(), LocalDate.now().plusDays(5), "officer1", Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierRejected(kept.dossier(), "Không đủ điều kiện", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(Shipment.originalsReturnId(kept.code())));
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> compared.code().equals(r.key()) && "OriginalsReturnPlanned".equals(
                KafkaProbe.header(r, "ce_type")), 3, Duration.ofSeconds(3))).as("once, however often it is told").hasSize(1);
    }

    @Test
    void keptOriginalsOfADossierReceivedBeforeTheyWereCollectedAreToldOnceWhenTheyReachTheAgency() throws Exception {
        Requested kept = originalsRequested(KEPT);
        KafkaProbe.send(EventMother.record(new DossierReceived(kept.dossier(), LocalDate.now().plusDays(5), "officer1", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(kept.id()).orElseThrow().keptOnArrival());
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> kept.code().equals(r.key()) && "OriginalsKeptOnFile".equals(
                KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(1))).as("not before they are collected").isEmpty();

        report(kept.id(), "late-picked", "PICKED_UP", kept.item());
        report(kept.id(), "late-arrived", "DELIVERED", kept.item());
        report(kept.id(), "late-arrived-again", "DELIVERED", kept.item());
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> kept.code().equals(r.key()) && "OriginalsKeptOnFile".equals(
                KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5))).as("told once they are at the agency").singleElement()
                .extracting(ConsumerRecord::value).asString().contains("\"shipmentId\":\"" + kept.id() + "\"");
    }

    @Test
    void theOfficersAreAskedOnceWhenTheResultIsReadyWhetherOriginalsTheCatalogIsSilentOnGoBack() throws Exception {
        Requested silent = originalsRequested(ORIGINALS);
        Requested kept = originalsRequested(KEPT);
        Requested onTheirWay = originalsRequested(ORIGINALS);
        DossierSnapshot neverCollected = submittedNeedingOriginals();
        report(silent.id(), "und-arrived", "DELIVERED", silent.item());
        report(kept.id(), "und-kept-arrived", "DELIVERED", kept.item());
        report(onTheirWay.id(), "und-picked", "PICKED_UP", onTheirWay.item());
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(silent.id()).orElseThrow().status() == Shipment.Status.DELIVERED
                && shipments.findById(kept.id()).orElseThrow().status() == Shipment.Status.DELIVERED
                && shipments.findById(onTheirWay.id()).orElseThrow().status() == Shipment.Status.PICKED_UP);

        var ready = EventMother.record(new DossierResultReady(silent.dossier(), "leader1", LocalDate.now(), LocalDate.now(), Instant.now()));
        KafkaProbe.send(ready);
        KafkaProbe.send(ready);
        for (DossierSnapshot other : List.of(kept.dossier(), onTheirWay.dossier(), neverCollected)) {
            KafkaProbe.send(EventMother.record(new DossierResultReady(other, "leader1", LocalDate.now(), LocalDate.now(), Instant.now())));
        }

        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> silent.code().equals(r.key()) && "OriginalsAwaitingDecision".equals(
                KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5))).as("once, however often it is told").singleElement()
                .extracting(ConsumerRecord::value).asString().contains("\"shipmentId\":\"" + silent.id() + "\"", "\"atAgency\":true",
                        "\"agencyCode\":\"" + AGENCY_THUONG_TIN + "\"");
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> onTheirWay.code().equals(r.key()) && "OriginalsAwaitingDecision".equals(
                KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(5))).singleElement().extracting(ConsumerRecord::value)
                .asString().contains("\"atAgency\":false");
        for (String none : List.of(kept.code(), neverCollected.dossierCode())) {
            assertThat(KafkaProbe.collect(Topics.POSTAL, r -> none.equals(r.key()) && "OriginalsAwaitingDecision".equals(
                    KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(2))).as("kept by the agency, or never collected").isEmpty();
        }
        assertThat(shipments.existsById(Shipment.originalsReturnId(silent.code()))).as("the officer decides").isFalse();

        // Those asked about on their way are asked again once they are in the officers' hands, once (ADR 0083).
        report(onTheirWay.id(), "und-arrived-late", "DELIVERED", onTheirWay.item());
        report(onTheirWay.id(), "und-arrived-late-again", "DELIVERED", onTheirWay.item());
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> onTheirWay.code().equals(r.key()) && "OriginalsAwaitingDecision".equals(
                KafkaProbe.header(r, "ce_type")), 3, Duration.ofSeconds(5))).hasSize(2).last().extracting(ConsumerRecord::value)
                .asString().contains("\"atAgency\":true");
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> silent.code().equals(r.key()) && "OriginalsAwaitingDecision".equals(
                KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(2))).as("asked at the agency already").hasSize(1);
    }

    private ResultActions pickup(RequestPostProcessor who, String procedure, String province) throws Exception {
        return pickup(who, procedure, province, UUID.randomUUID().toString());
    }

    private ResultActions pickup(RequestPostProcessor who, String procedure, String province, String key) throws Exception {
        return mvc.perform(post("/api/v1/shipments/pickups").with(who).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).content("""
                        {"procedureCode": "%s", "agencyCode": "%s", "senderName": "Nguyễn Văn An", "senderPhone": "0912345678",
                         "address": "Số 5 phố Lê Lợi, xã Thường Tín", "province": "%s"}""".formatted(procedure, AGENCY_THUONG_TIN, province)));
    }

    @Test
    void aCitizensPickupGoesToTheOperatorAndItsDeliveryAnnouncesTheArrivalOnce() throws Exception {
        JsonNode created = json.readTree(pickup(citizen(CITIZEN_1), BY_POST, "Hà Nội").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DOSSIER_PICKUP")).andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.price.tariffId").isNotEmpty())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String id = created.get("id").asString();
        String item = created.get("itemId").asString();
        assertThat(id).isEqualTo("PIC-" + item);

        List<ConsumerRecord<String, String>> asked = KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"),
                r -> id.equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().value()).contains("\"purpose\":\"DOSSIER_PICKUP\"").contains(AGENCY_THUONG_TIN);

        for (String reportId : new String[] {"p1", "p1"}) {
            mvc.perform(post("/api/v1/shipments/" + id + "/reports").with(postalOperator("postal-vnpost"))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"reportId": "%s", "progress": "DELIVERED", "at": "%s", "itemId": "%s", "detail": "Bộ phận một cửa"}"""
                            .formatted(reportId, Instant.now(), item))).andExpect(status().isOk());
        }
        List<ConsumerRecord<String, String>> arrived = KafkaProbe.collect(Topics.POSTAL,
                r -> id.equals(r.key()) && "PaperDossierArrived".equals(KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertThat(arrived).hasSize(1);
        assertThat(arrived.getFirst().value()).contains(item).contains(BY_POST).contains(CITIZEN_1);
    }

    @Test
    void aRetryAfterTheRequestDiedBeforeAnsweringGetsItsPickupNotASecondPostman() throws Exception {
        String key = "pickup-" + UUID.randomUUID();
        String id = json.readTree(pickup(citizen(CITIZEN_1), BY_POST, "Hà Nội", key).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
        long before = shipments.count();
        AbandonedRequests.diedBeforeAnswering(mongo.getDb(), key);

        pickup(citizen(CITIZEN_1), BY_POST, "Hà Nội", key).andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(id));
        assertThat(shipments.count()).isEqualTo(before);
        assertThat(KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"), r -> id.equals(r.key()), 2, Duration.ofSeconds(5)))
                .as("the operator asked to collect once").hasSize(1);
    }

    @Test
    void aCitizenCallsOffTheirPickupBeforeThePostmanComesAndTheOperatorIsToldOnce() throws Exception {
        String mine = "001090000301";
        JsonNode created = requestedBy(mine);
        String id = created.get("id").asString();
        String item = created.get("itemId").asString();
        report(id, "a1", "ACCEPTED", item);

        mvc.perform(post("/api/v1/shipments/" + id + "/cancellation").with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/shipments/" + id + "/cancellation").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/shipments/" + id + "/cancellation").with(postalOperator("postal-vnpost")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/shipments/" + id + "/cancellation")).andExpect(status().isUnauthorized());
        assertThat(shipments.findById(id).orElseThrow().status()).isEqualTo(Shipment.Status.ACCEPTED);

        for (int time = 0; time < 2; time++) {
            mvc.perform(post("/api/v1/shipments/" + id + "/cancellation").with(citizen(mine))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CANCELLED"));
        }
        List<ConsumerRecord<String, String>> dropped = KafkaProbe.collect(Topics.ofPostalOperator("postal-vnpost"),
                r -> "ShipmentCancelled".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(item), 2, Duration.ofSeconds(5));
        assertThat(dropped).as("the operator told to drop it, once").hasSize(1);
        // The operator scheduled the round before it read the call-off: the pick-up stays called off.
        report(id, "a2", "PICKUP_SCHEDULED", item);
        assertThat(shipments.findById(id).orElseThrow().status()).isEqualTo(Shipment.Status.CANCELLED);
        mvc.perform(get("/api/v1/shipments/statistics").param("from", LocalDate.now().minusDays(1).toString())
                .param("to", LocalDate.now().plusDays(1).toString()).with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.dossiersCollected.cancelled").value(Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void collectionsThePostmanCouldNotMakeAreToldAndAfterTheThirdThePickupIsCalledOffOnce() throws Exception {
        String mine = "001090000303";
        JsonNode created = requestedBy(mine);
        String id = created.get("id").asString();
        String item = created.get("itemId").asString();
        report(id, "nf-a", "ACCEPTED", item);
        for (int attempt = 1; attempt <= 3; attempt++) {
            report(id, "nf-" + attempt, "PICKUP_FAILED", item);
        }
        report(id, "nf-3", "PICKUP_FAILED", item); // the operator sends its last report again

        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> id.equals(r.key()) && "ShipmentCollectionAttemptFailed".equals(
                KafkaProbe.header(r, "ce_type")), 3, Duration.ofSeconds(5))).hasSize(2);
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> id.equals(r.key()) && "ShipmentCollectionAbandoned".equals(
                KafkaProbe.header(r, "ce_type")), 2, Duration.ofSeconds(5))).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"ownerCitizenId\":\"" + mine + "\"", "\"purpose\":\"DOSSIER_PICKUP\"", "\"attempts\":3");
        mvc.perform(get("/api/v1/shipments/" + id).with(citizen(mine))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(get("/api/v1/shipments/statistics").param("from", LocalDate.now().minusDays(1).toString())
                .param("to", LocalDate.now().plusDays(1).toString()).with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.dossiersCollected.notCollected").value(Matchers.greaterThanOrEqualTo(1)));

        Requested originals = originalsRequested();
        mvc.perform(post("/api/v1/shipments/" + originals.id() + "/reports").with(postalOperator("postal-vnpost"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reportId": "nf-o1", "progress": "PICKUP_FAILED", "at": "%s", "itemId": "%s", "detail": "Nhà đóng cửa"}"""
                        .formatted(Instant.now(), originals.item()))).andExpect(status().isOk());
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> originals.code().equals(r.key()) && "ShipmentCollectionAttemptFailed".equals(
                KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(5))).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"purpose\":\"PAPER_ORIGINALS\"", "\"reason\":\"Nhà đóng cửa\"", "\"attempt\":1");
    }

    @Test
    void thePostmansWindowIsToldOncePerNewWindowShownOnTheShipmentAndABadOneIsRefusedChangingNothing() throws Exception {
        String mine = "001090000304";
        JsonNode created = requestedBy(mine);
        String id = created.get("id").asString();
        String item = created.get("itemId").asString();
        Instant now = Instant.now();
        Instant from = now.plus(Duration.ofHours(14));
        Instant until = from.plus(Duration.ofHours(3));

        scheduled(id, "w-1", "PICKUP_SCHEDULED", now, item, from, until).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PICKUP_SCHEDULED"))
                .andExpect(jsonPath("$.pickupWindow.from").value(millis(from)));
        scheduled(id, "w-1", "PICKUP_SCHEDULED", now, item, from, until).andExpect(status().isOk()); // sent twice
        scheduled(id, "w-2", "PICKUP_SCHEDULED", now.plusSeconds(1), item, from, until).andExpect(status().isOk()); // the same window

        int reports = shipments.findById(id).orElseThrow().history().size();
        expectRefused(scheduled(id, "b-1", "ACCEPTED", now, item, from, until), "pickup-window-unexpected");
        expectRefused(scheduled(id, "b-2", "PICKUP_SCHEDULED", now, item, from, null), "pickup-window-incomplete");
        expectRefused(scheduled(id, "b-3", "PICKUP_SCHEDULED", now, item, until, from), "pickup-window-invalid");
        expectRefused(scheduled(id, "b-4", "PICKUP_SCHEDULED", now, item, now.minus(Duration.ofHours(3)), now.minusSeconds(60)),
                "pickup-window-past");
        expectRefused(scheduled(id, "b-5", "PICKUP_SCHEDULED", now, item, from, from.plus(Duration.ofHours(25))), "pickup-window-too-wide");
        expectRefused(scheduled(id, "b-6", "PICKUP_SCHEDULED", now, item, now.plus(Duration.ofDays(31)),
                now.plus(Duration.ofDays(31)).plus(Duration.ofHours(2))), "pickup-window-too-far");
        assertThat(shipments.findById(id).orElseThrow().history()).as("a refused report changes nothing").hasSize(reports);

        // He could not collect them, and comes again the day after.
        report(id, "w-f1", "PICKUP_FAILED", item);
        Instant again = from.plus(Duration.ofDays(1));
        scheduled(id, "w-3", "PICKUP_SCHEDULED", now.plusSeconds(2), item, again, again.plus(Duration.ofHours(2))).andExpect(status().isOk());

        List<ConsumerRecord<String, String>> told = KafkaProbe.collect(Topics.POSTAL, r -> id.equals(r.key())
                && "ShipmentCollectionScheduled".equals(KafkaProbe.header(r, "ce_type")), 3, Duration.ofSeconds(5));
        assertThat(told).as("once per new window").hasSize(2);
        assertThat(told.getFirst().value()).contains("\"ownerCitizenId\":\"" + mine + "\"", "\"purpose\":\"DOSSIER_PICKUP\"",
                "\"pickupFrom\":\"" + millis(from) + "\"");
        assertThat(told.getLast().value()).contains("\"pickupFrom\":\"" + millis(again) + "\"");
        mvc.perform(get("/api/v1/shipments/" + id).with(citizen(mine))).andExpect(status().isOk())
                .andExpect(jsonPath("$.pickupWindow.from").value(millis(again)));
    }

    private static String millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private ResultActions scheduled(String shipmentId, String reportId, String progress, Instant at, String item, Instant from,
            Instant until) throws Exception {
        return mvc.perform(post("/api/v1/shipments/" + shipmentId + "/reports").with(postalOperator("postal-vnpost"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reportId": "%s", "progress": "%s", "at": "%s", "itemId": "%s", "pickupFrom": %s, "pickupUntil": %s}"""
                        .formatted(reportId, progress, at, item, from == null ? "null" : "\"" + from + "\"",
                                until == null ? "null" : "\"" + until + "\"")));
    }

    private static void expectRefused(ResultActions answer, String problem) throws Exception {
        answer.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:motcua:problem:" + problem));
    }

    @Test
    void aPickupThePostmanCollectedIsNotCalledOffAndHisReportWinsOverALateCallOff() throws Exception {
        String mine = "001090000302";
        JsonNode created = requestedBy(mine);
        String id = created.get("id").asString();
        String item = created.get("itemId").asString();
        mvc.perform(post("/api/v1/shipments/" + id + "/cancellation").with(citizen(mine))).andExpect(status().isOk());

        // He had collected it before the call-off reached him: the dossier goes on to the agency.
        report(id, "c1", "PICKED_UP", item);
        assertThat(shipments.findById(id).orElseThrow().status()).isEqualTo(Shipment.Status.PICKED_UP);
        mvc.perform(post("/api/v1/shipments/" + id + "/cancellation").with(citizen(mine))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:pickup-not-cancellable"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.currentStatus").value("PICKED_UP"));
        report(id, "c2", "DELIVERED", item);
        assertThat(KafkaProbe.collect(Topics.POSTAL, r -> id.equals(r.key()) && "PaperDossierArrived".equals(KafkaProbe.header(r,
                "ce_type")), 2, Duration.ofSeconds(5))).hasSize(1);
    }

    private JsonNode requestedBy(String citizenId) throws Exception {
        return json.readTree(pickup(citizen(citizenId), BY_POST, "Hà Nội").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void report(String shipmentId, String reportId, String progress, String item) throws Exception {
        scheduled(shipmentId, reportId, progress, Instant.now(), item, null, null).andExpect(status().isOk());
    }

    @Test
    void onlyACitizenAsksForAPickupOfWhatTheCatalogTakesByPost() throws Exception {
        long before = shipments.count();
        pickup(officer(AGENCY_THUONG_TIN), BY_POST, "Hà Nội").andExpect(status().isForbidden());
        pickup(postalOperator("postal-vnpost"), BY_POST, "Hà Nội").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/shipments/pickups").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        pickup(citizen(CITIZEN_1), NOT_BY_POST, "Hà Nội").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:procedure-not-by-post"));
        pickup(citizen(CITIZEN_1), "9.999999", "Hà Nội").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:procedure-unknown"));
        pickup(citizen(CITIZEN_1), BY_POST, "Hà Tây").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:province-unknown"));
        mvc.perform(post("/api/v1/shipments/pickups").with(citizen(CITIZEN_1)).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).content("{\"procedureCode\": \"" + BY_POST + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(shipments.count()).isEqualTo(before);
    }
}
