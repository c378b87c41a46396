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
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.postalOperator;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.events.Topics;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.postal.reference.Procedures;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * A result asked for by post: planned at submission with the citizen asked to confirm the address,
 * handed to the operator on its own topic with a frozen price and the cash to collect once the
 * result is ready and the address known; redirected when the citizen changes the address later.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class ResultDeliveriesIT {
    private static final String OPERATOR_TOPIC = Topics.ofPostalOperator("postal-vnpost");

    @Autowired
    MockMvc mvc;
    @Autowired
    ShipmentRepository shipments;
    @Autowired
    Procedures procedures;
    @Autowired
    MongoTemplate mongo;

    private String planned(DossierSnapshot dossier, String address) {
        ProducerRecord<String, String> submitted = EventMother.record(new DossierSubmitted(dossier, "Cấp giấy phép bán lẻ rượu",
                new Applicant("Nguyễn Văn An", dossier.ownerCitizenId(), "0912345678", "an@example.com", address), null, List.of(),
                Instant.now()));
        KafkaProbe.send(submitted);
        KafkaProbe.send(submitted);
        String id = Shipment.resultDeliveryId(dossier.dossierCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(id));
        return id;
    }

    private void resultReady(DossierSnapshot dossier) {
        KafkaProbe.send(EventMother.record(new DossierResultReady(dossier, "leader1", LocalDate.now(), LocalDate.now(), Instant.now())));
    }

    /** Planned with 50,000 đồng of fees at the result, then handed to the operator once the result is ready. */
    private Shipment handedOverWithAResultFeeOf50000(DossierSnapshot dossier) {
        String id = planned(dossier, "Số 5 phố Lê Lợi, xã Thường Tín, Hà Nội");
        KafkaProbe.send(EventMother.record(new DossierFeesPriced(dossier, List.of(new PricedFeeLine(FeeStage.RESULT, "LE_PHI",
                FeeBasis.DOSSIER, 1, 50_000, 50_000, null, 50_000, false, 1)), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().cashOnDelivery() == 50_000);
        resultReady(dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().itemId() != null);
        return shipments.findById(id).orElseThrow();
    }

    private ResultActions confirm(RequestPostProcessor who, String id, String body) throws Exception {
        return mvc.perform(put("/api/v1/shipments/" + id + "/address").with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static List<ConsumerRecord<String, String>> events(String topic, String dossierCode, String type, int atMost) {
        return KafkaProbe.collect(topic, r -> dossierCode.equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type")), atMost,
                Duration.ofSeconds(5));
    }

    @Test
    void aResultAskedForByPostGetsOnePlannedDeliveryVisibleToItsOwnerAndOperatorOnly() throws Exception {
        String code = EventMother.newDossierCode();
        String id = planned(EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST), "Số 5 phố Lê Lợi, xã Thường Tín, Hà Nội");
        Shipment shipment = shipments.findById(id).orElseThrow();
        assertThat(shipment.status()).isEqualTo(Shipment.Status.AWAITING_RESULT);
        assertThat(shipment.addressProvince()).isEqualTo("Hà Nội");
        assertThat(shipments.findAll().stream().filter(s -> code.equals(s.dossierCode()))).hasSize(1);
        assertThat(events(Topics.POSTAL, code, "ReturnAddressConfirmationRequested", 2)).hasSize(1);

        mvc.perform(get("/api/v1/shipments").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/v1/shipments").with(postalOperator("postal-vnpost")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/v1/shipments/" + id).with(citizen(CITIZEN_1))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/shipments").with(citizen(CITIZEN_2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments").with(postalOperator("postal-other")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments/" + id).with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/shipments/" + id).with(postalOperator("postal-other"))).andExpect(status().isNotFound());
        // The agency's staff see its outgoing results; another agency's do not.
        mvc.perform(get("/api/v1/shipments").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/v1/shipments/" + id).with(leader(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/shipments").with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments/" + id).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/shipments").with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/shipments").param("status", "RETURNED_TO_SENDER").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments").param("status", "LOST").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/shipments")).andExpect(status().isUnauthorized());
    }

    @Test
    void aWithdrawnDossiersResultNoLongerWaitsForItsAddressAndIsNeverHandedOver() throws Exception {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST);
        String id = planned(dossier, "Số 5 phố Lê Lợi, xã Thường Tín, Hà Nội");

        KafkaProbe.send(EventMother.record(new DossierWithdrawn(dossier, "Không cần nữa", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().status() == Shipment.Status.CANCELLED);
        confirm(citizen(CITIZEN_1), id, """
                {"recipientName": "Nguyễn Văn An", "recipientPhone": "0912345678", "address": "Số 7 phố Lê Lợi", "province": "Hà Nội"}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:shipment-cancelled"));
        resultReady(dossier);
        // The ready result would leave within the five seconds the operator's topic is watched.
        assertThat(events(OPERATOR_TOPIC, code, "ShipmentRequested", 1)).isEmpty();
        assertThat(shipments.findById(id).orElseThrow().itemId()).as("never handed to the operator").isNull();
    }

    @Test
    void aReadyResultLeavesOnTheOperatorsTopicWithItsPriceFrozenAndTheFeesToCollect() throws Exception {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST);
        Shipment requested = handedOverWithAResultFeeOf50000(dossier);
        assertThat(requested.status()).isEqualTo(Shipment.Status.REQUESTED);
        assertThat(requested.price().zone().name()).isEqualTo("WITHIN_PROVINCE");
        assertThat(requested.price().citizenPays()).isPositive();
        assertThat(requested.cashOnDelivery()).isEqualTo(50_000 + requested.price().citizenPays());
        List<ConsumerRecord<String, String>> handedOver = events(OPERATOR_TOPIC, code, "ShipmentRequested", 2);
        assertThat(handedOver).hasSize(1);
        assertThat(handedOver.getFirst().value()).contains(requested.itemId()).contains("\"addressProvince\":\"Hà Nội\"")
                .contains("\"cashOnDelivery\":" + requested.cashOnDelivery());
        assertThat(events(Topics.POSTAL, code, "ShipmentRequested", 1)).isEmpty();
    }

    @Test
    void feesPaidOnlineAfterTheItemLeftAreNoLongerCollectedAtTheDoor() throws Exception {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST);
        Shipment handedOver = handedOverWithAResultFeeOf50000(dossier);
        String id = handedOver.id();
        // What the citizen still owes the post: the postage, not the fee for collecting the result's fees (ADR 0068).
        long postage = handedOver.price().citizenPays() - handedOver.price().cashOnDeliveryFee();
        assertThat(handedOver.price().cashOnDeliveryFee()).isPositive();
        assertThat(handedOver.cashOnDelivery()).isEqualTo(50_000 + handedOver.price().citizenPays());

        // A payment of another stage changes nothing; the result's, paid online, does.
        KafkaProbe.send(EventMother.record(new PaymentCompleted("PAY-COD-" + code, code, FeeStage.INTAKE, 50_000, PaymentMethod.ONLINE,
                Instant.now())));
        KafkaProbe.send(EventMother.record(new PaymentCompleted("PAY-" + code, code, FeeStage.RESULT, 50_000, PaymentMethod.ONLINE,
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().cashOnDelivery() == postage);

        List<ConsumerRecord<String, String>> changed = events(OPERATOR_TOPIC, code, "ShipmentCashOnDeliveryChanged", 2);
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().value()).contains("\"itemId\":\"" + handedOver.itemId() + "\"")
                .contains("\"cashOnDelivery\":" + postage);
        mvc.perform(post("/api/v1/shipments/" + id + "/reports").with(postalOperator("postal-vnpost")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reportId": "c1", "progress": "CASH_COLLECTED", "at": "%s", "itemId": "%s", "detail": "BL-1", "amount": %d}"""
                                .formatted(Instant.now(), handedOver.itemId(), postage)))
                .andExpect(status().is2xxSuccessful());
        List<ConsumerRecord<String, String>> collected = events(Topics.POSTAL, code, "CashCollected", 2);
        assertThat(collected).hasSize(1);
        assertThat(collected.getFirst().value()).contains("\"amount\":" + postage).contains("\"fees\":0");
        mvc.perform(get("/api/v1/shipments/" + id).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cashOnDelivery").value(postage))
                .andExpect(jsonPath("$.feesWithdrawn").value(true))
                .andExpect(jsonPath("$.collected").value(postage));
    }

    @Test
    void anOfficerMayBringAReadyResultInsteadOfThePostAndTheOperatorIsToldToDropIt() throws Exception {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST);
        String id = planned(dossier, "Số 5 phố Lê Lợi, xã Thường Tín, Hà Nội");
        String body = "{\"receivedBy\": \"Nguyễn Văn An\"}";
        handDelivery(officer(AGENCY_THUONG_TIN), id, body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:shipment-not-deliverable-by-hand"));
        resultReady(dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().itemId() != null);

        handDelivery(officer(AGENCY_JUSTICE), id, body).andExpect(status().isNotFound());
        // Not theirs: 404 whatever the body, not what it lacks.
        handDelivery(officer(AGENCY_JUSTICE), id, "{").andExpect(status().isNotFound());
        handDelivery(citizen(CITIZEN_1), id, body).andExpect(status().isForbidden());
        handDelivery(postalOperator("postal-vnpost"), id, body).andExpect(status().isForbidden());
        handDelivery(leader(AGENCY_THUONG_TIN), id, body).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/shipments/" + id + "/hand-delivery").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        handDelivery(officer(AGENCY_THUONG_TIN), id, "{}").andExpect(status().isBadRequest());
        assertThat(shipments.findById(id).orElseThrow().status()).isEqualTo(Shipment.Status.REQUESTED);

        handDelivery(officer(AGENCY_THUONG_TIN), id, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"));
        assertThat(events(OPERATOR_TOPIC, code, "ShipmentCancelled", 2)).hasSize(1);
        assertThat(events(Topics.POSTAL, code, "ShipmentDelivered", 2)).hasSize(1);
        handDelivery(officer(AGENCY_THUONG_TIN), id, body).andExpect(status().isConflict());
    }

    private ResultActions handDelivery(RequestPostProcessor who, String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/shipments/" + id + "/hand-delivery").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void aResultWithNoKnownProvinceWaitsForTheCitizenToConfirmTheAddress() throws Exception {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST);
        String id = planned(dossier, "Số 5 phố Lê Lợi, Thường Tín");
        assertThat(shipments.findById(id).orElseThrow().addressProvince()).isNull();
        resultReady(dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().resultReady());
        assertThat(shipments.findById(id).orElseThrow().itemId()).isNull();

        String address = """
                {"recipientName": "Nguyễn Văn An", "recipientPhone": "0912345678", "address": "Số 5 phố Lê Lợi, xã Thường Tín",
                 "province": "%s"}""";
        confirm(citizen(CITIZEN_2), id, address.formatted("Hà Nội")).andExpect(status().isNotFound());
        confirm(citizen(CITIZEN_2), id, "{\"recipientName\": ").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:not-found"));
        confirm(citizen(CITIZEN_1), "RET-nope", "").andExpect(status().isNotFound());
        confirm(postalOperator("postal-vnpost"), id, address.formatted("Hà Nội")).andExpect(status().isForbidden());
        confirm(officer(AGENCY_THUONG_TIN), id, address.formatted("Hà Nội")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/shipments/" + id + "/address").contentType(MediaType.APPLICATION_JSON)
                .content(address.formatted("Hà Nội"))).andExpect(status().isUnauthorized());
        confirm(citizen(CITIZEN_1), id, address.formatted("Hà Tây")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:province-unknown"));
        confirm(citizen(CITIZEN_1), id, address.formatted("Hà Nội").replace("0912345678", "12345"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:motcua:problem:phone-invalid"));
        confirm(citizen(CITIZEN_1), id, "{}").andExpect(status().isBadRequest());
        assertThat(shipments.findById(id).orElseThrow().addressConfirmedAt()).isNull();

        confirm(citizen(CITIZEN_1), id, address.formatted("TP. Ha Noi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REQUESTED")).andExpect(jsonPath("$.addressProvince").value("Hà Nội"))
                .andExpect(jsonPath("$.itemId").isNotEmpty());
        assertThat(events(OPERATOR_TOPIC, code, "ShipmentRequested", 2)).hasSize(1);

        // Changed again after the hand-over: the operator is told where to go instead. The citizen writes
        // the province Quy Nhơn was in before 1/7/2025; it is in Gia Lai now.
        confirm(citizen(CITIZEN_1), id, address.formatted("Bình Định").replace("xã Thường Tín", "phường Quy Nhơn"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.addressProvince").value("Gia Lai"));
        List<ConsumerRecord<String, String>> redirected = events(OPERATOR_TOPIC, code, "ShipmentAddressConfirmed", 2);
        assertThat(redirected).hasSize(1);
        assertThat(redirected.getFirst().value()).contains("phường Quy Nhơn").contains("\"changed\":true");
    }

    @Test
    void aShipmentStoredBeforeAddressesAndPricesIsStillReadAndHandedOver() throws Exception {
        String code = EventMother.newDossierCode();
        String id = Shipment.resultDeliveryId(code);
        // The shape the first postal-service stored: no origin, province, readiness, fees, price, reports or cash.
        mongo.insert(new Document("_id", id).append("dossierCode", code).append("ownerCitizenId", CITIZEN_1)
                .append("operator", "postal-vnpost").append("kind", "RESULT_DELIVERY").append("status", "AWAITING_RESULT")
                .append("recipientName", "Nguyễn Văn An").append("recipientPhone", "0912345678")
                .append("address", "Số 5 phố Lê Lợi, Hà Nội").append("createdAt", new Date()), "shipments");
        mvc.perform(get("/api/v1/shipments").with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value("AWAITING_RESULT"));

        confirm(citizen(CITIZEN_1), id, """
                {"recipientName": "Nguyễn Văn An", "recipientPhone": "0912345678", "address": "Số 5 phố Lê Lợi", "province": "Hà Nội"}""")
                .andExpect(status().isOk());
        resultReady(EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST));
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().itemId() != null);
        assertThat(shipments.findById(id).orElseThrow().price().zone().name()).isEqualTo("WITHIN_PROVINCE");
    }

    @Test
    void aResultWhoseRegisterIsSignedInPersonNeverGoesByPost() throws Exception {
        String procedure = "9.SIGN-" + System.nanoTime();
        KafkaProbe.send(EventMother.record(new ProcedurePublished(procedure, 1, "Đăng ký kết hôn", "Hộ tịch", "COMMUNE", 3, 5, false,
                true, true, false, false, List.of("Tờ khai"), List.of(), FeeStage.INTAKE, null, Instant.now())));
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = new DossierSnapshot(code, procedure, AGENCY_THUONG_TIN, CITIZEN_1, Channel.ONLINE.code(),
                ResultDelivery.POST, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> procedures.byCode(procedure).isPresent());
        KafkaProbe.send(EventMother.record(new DossierSubmitted(dossier, "Đăng ký kết hôn", new Applicant("Nguyễn Văn An",
                CITIZEN_1, "0912345678", null, "Số 5 phố Lê Lợi, Hà Nội"), null, List.of(), Instant.now())));
        resultReady(dossier);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !shipments.existsById(Shipment.resultDeliveryId(code)));
    }
}
