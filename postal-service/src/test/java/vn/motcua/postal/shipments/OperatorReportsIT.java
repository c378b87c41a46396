package vn.motcua.postal.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.postalOperator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.postal.tracking.S10;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * The operator's reports on a result delivery, through its API: sent late, twice and out of order
 * they end in the same state; three failed attempts return the item; cash is announced once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class OperatorReportsIT {
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    ShipmentRepository shipments;

    /** A result delivery planned at submission and handed to the operator when the result is ready. */
    private Shipment requested() {
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, CITIZEN_1, 0)));
        String id = Shipment.resultDeliveryId(code);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(id));
        ProducerRecord<String, String> ready = EventMother.record(new DossierResultReady(
                EventMother.snapshot(code, CITIZEN_1, ResultDelivery.POST), "leader1", LocalDate.now(), LocalDate.now(), Instant.now()));
        KafkaProbe.send(ready);
        KafkaProbe.send(ready);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.findById(id).orElseThrow().itemId() != null);
        return shipments.findById(id).orElseThrow();
    }

    private ResultActions report(RequestPostProcessor who, String id, String reportId, String progress, Instant at, String itemId,
            String detail, Long amount) throws Exception {
        String body = """
                {"reportId": "%s", "progress": "%s", "at": "%s", "itemId": "%s", "detail": %s, "amount": %s}"""
                .formatted(reportId, progress, at, itemId, detail == null ? "null" : "\"" + detail + "\"", amount);
        return mvc.perform(post("/api/v1/shipments/" + id + "/reports").with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<ConsumerRecord<String, String>> events(String dossierCode, String type) {
        String topic = type.equals("ShipmentRequested") ? Topics.ofPostalOperator("postal-vnpost") : Topics.POSTAL;
        return KafkaProbe.collect(topic, r -> dossierCode.equals(r.key())
                && type.equals(new String(r.headers().lastHeader("ce_type").value())), 10, Duration.ofSeconds(5));
    }

    @Test
    void reportsSentLateTwiceAndOutOfOrderEndDeliveredAndAnnounceItOnce() throws Exception {
        Shipment shipment = requested();
        assertThat(S10.parse(shipment.itemId()).serviceIndicator()).isEqualTo("RR");
        assertThat(shipment.status()).isEqualTo(Shipment.Status.REQUESTED);
        assertThat(events(shipment.dossierCode(), "ShipmentRequested")).hasSize(1);

        String[][] reports = {{"r1", "ACCEPTED"}, {"r2", "PICKED_UP"}, {"r3", "IN_TRANSIT"}, {"r4", "OUT_FOR_DELIVERY"},
                {"r5", "DELIVERED"}};
        List<Integer> order = new ArrayList<>(List.of(4, 2, 0, 4, 3, 1, 2));
        for (int i : order) {
            report(postalOperator("postal-vnpost"), shipment.id(), reports[i][0], reports[i][1], T0.plusSeconds(60L * i),
                    shipment.itemId(), i == 4 ? "Nguyễn Văn An" : null, null).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DELIVERED"));
        }
        Shipment delivered = shipments.findById(shipment.id()).orElseThrow();
        assertThat(delivered.history()).hasSize(5);
        assertThat(events(shipment.dossierCode(), "ShipmentDelivered")).hasSize(1);
    }

    @Test
    void theOwnerFollowsTheResultDispatchedWithItsTrackingNumberThenOutForDeliveryEachOnce() throws Exception {
        Shipment shipment = requested();
        String[][] reports = {{"p1", "ACCEPTED"}, {"p2", "PICKED_UP"}, {"p2", "PICKED_UP"}, {"p3", "OUT_FOR_DELIVERY"}, {"p0", "PICKED_UP"}};
        for (int i = 0; i < reports.length; i++) {
            // The last one is an earlier pick-up reported late: it changes nothing and tells nobody.
            report(postalOperator("postal-vnpost"), shipment.id(), reports[i][0], reports[i][1],
                    T0.plusSeconds(i == 4 ? 1 : 60L * (i + 1)), shipment.itemId(), null, null).andExpect(status().isOk());
        }
        assertThat(events(shipment.dossierCode(), "ShipmentDispatched")).singleElement()
                .satisfies(r -> assertThat(r.value()).contains(shipment.itemId()).contains(shipment.ownerCitizenId())
                        .contains("\"cashOnDelivery\":" + shipment.cashOnDelivery()).contains("\"feesOnDelivery\":0"));
        assertThat(events(shipment.dossierCode(), "ShipmentOutForDelivery")).singleElement()
                .satisfies(r -> assertThat(r.value()).as("what the postman collects, to have it ready").contains("\"cashOnDelivery\":" + shipment.cashOnDelivery()));
    }

    @Test
    void anyOrderOfTheSameReportsWithDuplicatesConvergesOnTheSameState() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 4; round++) {
            Shipment shipment = requested();
            List<String[]> reports = new ArrayList<>(List.of(new String[] {"a", "ACCEPTED"}, new String[] {"b", "PICKED_UP"},
                    new String[] {"c", "IN_TRANSIT"}, new String[] {"d", "OUT_FOR_DELIVERY"}, new String[] {"e", "DELIVERED"},
                    new String[] {"e", "DELIVERED"}, new String[] {"c", "IN_TRANSIT"}));
            Collections.shuffle(reports, random);
            for (String[] r : reports) {
                int step = "abcde".indexOf(r[0]);
                report(postalOperator("postal-vnpost"), shipment.id(), r[0], r[1], T0.plusSeconds(60L * step), shipment.itemId(), null,
                        null).andExpect(status().isOk());
            }
            Shipment after = shipments.findById(shipment.id()).orElseThrow();
            String order = reports.stream().map(r -> r[0]).toList().toString();
            assertThat(after.status()).as("order %s", order).isEqualTo(Shipment.Status.DELIVERED);
            assertThat(after.history()).extracting(Shipment.Report::reportId).as("order %s", order)
                    .containsExactlyInAnyOrder("a", "b", "c", "d", "e");
            assertThat(events(shipment.dossierCode(), "ShipmentDelivered")).hasSize(1);
        }
    }

    @Test
    void threeFailedAttemptsReturnTheItemToTheSenderAndCashIsAnnouncedOnce() throws Exception {
        Shipment shipment = requested();
        String item = shipment.itemId();
        report(postalOperator("postal-vnpost"), shipment.id(), "f1", "DELIVERY_FAILED", T0, item, "Không có người nhận", null)
                .andExpect(jsonPath("$.status").value("DELIVERY_FAILED"));
        report(postalOperator("postal-vnpost"), shipment.id(), "f1", "DELIVERY_FAILED", T0, item, "Không có người nhận", null)
                .andExpect(jsonPath("$.failedAttempts").value(1));
        report(postalOperator("postal-vnpost"), shipment.id(), "f2", "DELIVERY_FAILED", T0.plusSeconds(86_400), item, "Sai địa chỉ", null);
        report(postalOperator("postal-vnpost"), shipment.id(), "f3", "DELIVERY_FAILED", T0.plusSeconds(172_800), item, "Từ chối nhận", null)
                .andExpect(jsonPath("$.status").value("RETURNED_TO_SENDER"));
        report(postalOperator("postal-vnpost"), shipment.id(), "late", "OUT_FOR_DELIVERY", T0.plusSeconds(172_900), item, null, null)
                .andExpect(jsonPath("$.status").value("RETURNED_TO_SENDER"));
        assertThat(events(shipment.dossierCode(), "ShipmentReturnedToSender")).hasSize(1);
        assertThat(events(shipment.dossierCode(), "ShipmentDeliveryAttemptFailed")).as("the attempts before the last, once each")
                .extracting(r -> r.value().replaceAll(".*\"attempt\":(\\d+).*", "$1")).containsExactlyInAnyOrder("1", "2");
        assertThat(events(shipment.dossierCode(), "ShipmentDeliveryAttemptFailed")).as("what the next attempt collects")
                .allSatisfy(r -> assertThat(r.value()).contains("\"cashOnDelivery\":" + shipment.cashOnDelivery()));

        for (String receipt : new String[] {"c1", "c2", "c1"}) {
            report(postalOperator("postal-vnpost"), shipment.id(), receipt, "CASH_COLLECTED", T0, item, "BL-0001", 1_200_000L)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.cashCollected").value(true));
        }
        List<ConsumerRecord<String, String>> cash = events(shipment.dossierCode(), "CashCollected");
        assertThat(cash).hasSize(1);
        assertThat(cash.getFirst().value()).contains("\"amount\":1200000");
    }

    @Test
    void onlyItsOperatorReportsOnAShipmentWithItsOwnValidItemId() throws Exception {
        Shipment shipment = requested();
        String item = shipment.itemId();
        report(postalOperator("postal-other"), shipment.id(), "x1", "ACCEPTED", T0, item, null, null).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/shipments/" + shipment.id() + "/reports").with(postalOperator("postal-other"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"progress\": \"LOST\"")).andExpect(status().isNotFound());
        report(citizen(CITIZEN_1), shipment.id(), "x1", "ACCEPTED", T0, item, null, null).andExpect(status().isForbidden());
        report(officer(AGENCY_THUONG_TIN), shipment.id(), "x1", "ACCEPTED", T0, item, null, null).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/shipments/" + shipment.id() + "/reports").with(citizen(CITIZEN_1)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Only postal-operator may do this")));
        mvc.perform(post("/api/v1/shipments/" + shipment.id() + "/reports").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        String wrongCheck = item.substring(0, 10) + (char) ('0' + (item.charAt(10) - '0' + 1) % 10) + "VN";
        report(postalOperator("postal-vnpost"), shipment.id(), "x1", "ACCEPTED", T0, wrongCheck, null, null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:motcua:problem:tracking-number-invalid"));
        report(postalOperator("postal-vnpost"), shipment.id(), "x1", "ACCEPTED", T0, "RR473124829VN", null, null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:motcua:problem:item-id-mismatch"));
        report(postalOperator("postal-vnpost"), shipment.id(), "x1", "CASH_COLLECTED", T0, item, null, null)
                .andExpect(status().isUnprocessableContent());
        report(postalOperator("postal-vnpost"), shipment.id(), "x1", "ACCEPTED", Instant.now().plusSeconds(3600), item, null, null)
                .andExpect(status().isUnprocessableContent());
        report(postalOperator("postal-vnpost"), "RET-nope", "x1", "ACCEPTED", T0, item, null, null).andExpect(status().isNotFound());
        assertThat(shipments.findById(shipment.id()).orElseThrow().history()).isEmpty();
    }
}
