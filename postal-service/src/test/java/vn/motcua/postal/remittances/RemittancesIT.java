package vn.motcua.postal.remittances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.postalOperator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.events.Topics;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.postal.shipments.Shipment;
import vn.motcua.postal.shipments.ShipmentMother;
import vn.motcua.postal.tracking.TrackingRanges;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * An operator's remittance batch: taken once by its batch id, reconciled item by item against the
 * cash the operator reported, announced once; and the post's figures that count it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class RemittancesIT {
    private static final String OPERATOR = "postal-vnpost";

    @Autowired
    MockMvc mvc;
    @Autowired
    AggregateStore store;
    @Autowired
    TrackingRanges ranges;

    /** A shipment handed to the operator, on which the postman collected that much (0: nothing reported). */
    private Shipment collected(long amount) throws Exception {
        Shipment shipment = store.insert(Changed.of(ShipmentMother.requested(EventMother.newDossierCode(), CITIZEN_1, OPERATOR,
                ranges.next(OPERATOR, "RR").toString())));
        if (amount > 0) {
            mvc.perform(post("/api/v1/shipments/" + shipment.id() + "/reports").with(postalOperator(OPERATOR))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"reportId": "cash-%s", "progress": "CASH_COLLECTED", "at": "%s", "itemId": "%s",
                             "detail": "BL-1", "amount": %d}""".formatted(shipment.id(), Instant.now(), shipment.itemId(), amount)))
                    .andExpect(status().isOk());
        }
        return shipment;
    }

    private static String item(Shipment shipment, long amount) {
        return """
                {"shipmentId": "%s", "itemId": "%s", "amount": %d, "receiptNumber": "BL-1"}""".formatted(shipment.id(),
                shipment.itemId(), amount);
    }

    private ResultActions remit(RequestPostProcessor who, String batchId, long total, String... items) throws Exception {
        return mvc.perform(post("/api/v1/remittances").with(who).contentType(MediaType.APPLICATION_JSON).content("""
                {"batchId": "%s", "day": "%s", "total": %d, "items": [%s]}""".formatted(batchId, LocalDate.now(), total,
                String.join(",", items))));
    }

    @Test
    void aBatchThatMatchesTheReportedCollectionsReconcilesAndIsAnnouncedOnce() throws Exception {
        Shipment first = collected(28_000);
        Shipment second = collected(1_228_000);
        String batch = "B-" + System.nanoTime();
        remit(postalOperator(OPERATOR), batch, 1_256_000, item(first, 28_000), item(second, 1_228_000))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/v1/remittances/" + batch))
                .andExpect(jsonPath("$.reconciled").value(true)).andExpect(jsonPath("$.itemCount").value(2));
        // The batch is read again at its Location, by its operator only.
        mvc.perform(get("/api/v1/remittances/" + batch).with(postalOperator(OPERATOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.batchId").value(batch)).andExpect(jsonPath("$.itemCount").value(2));
        mvc.perform(get("/api/v1/remittances/" + batch).with(postalOperator("postal-other"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/remittances/" + batch).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/remittances/" + batch)).andExpect(status().isUnauthorized());
        remit(postalOperator(OPERATOR), batch, 1_256_000, item(first, 28_000), item(second, 1_228_000))
                .andExpect(status().isOk());
        remit(postalOperator(OPERATOR), batch, 28_000, item(first, 28_000)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:batch-differs"));

        List<ConsumerRecord<String, String>> remitted = KafkaProbe.collect(Topics.POSTAL,
                r -> (OPERATOR + "|" + batch).equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(remitted).hasSize(1);
        // The operator's list, newest first a page at a time: this batch heads its first page of one.
        mvc.perform(get("/api/v1/remittances").param("size", "1").with(postalOperator(OPERATOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].batchId").value(batch));
        mvc.perform(get("/api/v1/remittances").param("size", "201").with(postalOperator(OPERATOR)))
                .andExpect(status().isBadRequest());
        assertThat(remitted.getFirst().value()).contains("\"total\":1256000").contains(first.dossierCode())
                .contains("\"discrepancies\":0");
    }

    @Test
    void itemsThatDoNotMatchAreListedAsDiscrepancies() throws Exception {
        Shipment differs = collected(28_000);
        Shipment notReported = collected(0);
        Shipment remittedBefore = collected(50_000);
        remit(postalOperator(OPERATOR), "B-" + System.nanoTime(), 50_000, item(remittedBefore, 50_000)).andExpect(status().isCreated());

        remit(postalOperator(OPERATOR), "B-" + System.nanoTime(), 30_000 + 10_000 + 50_000 + 28_000, item(differs, 30_000),
                item(notReported, 10_000), item(remittedBefore, 50_000),
                "{\"shipmentId\": \"RET-unknown\", \"itemId\": \"" + differs.itemId() + "\", \"amount\": 28000, \"receiptNumber\": \"x\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reconciled").value(false))
                .andExpect(jsonPath("$.discrepancies[?(@.shipmentId == '" + differs.id() + "')].problem").value("amount-differs"))
                .andExpect(jsonPath("$.discrepancies[?(@.shipmentId == '" + notReported.id() + "')].problem")
                        .value("cash-not-reported"))
                .andExpect(jsonPath("$.discrepancies[?(@.shipmentId == '" + remittedBefore.id() + "')].problem")
                        .value("remitted-before"))
                .andExpect(jsonPath("$.discrepancies[?(@.shipmentId == 'RET-unknown')].problem").value("unknown-shipment"));
    }

    @Test
    void onlyAnOperatorRemitsAndABadBatchChangesNothing() throws Exception {
        Shipment shipment = collected(28_000);
        String batch = "B-" + System.nanoTime();
        remit(citizen(CITIZEN_1), batch, 28_000, item(shipment, 28_000)).andExpect(status().isForbidden());
        remit(officer(AGENCY_THUONG_TIN), batch, 28_000, item(shipment, 28_000)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/remittances").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        remit(postalOperator(OPERATOR), batch, 27_000, item(shipment, 28_000)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:total-mismatch"));
        remit(postalOperator(OPERATOR), batch, 56_000, item(shipment, 28_000), item(shipment, 28_000))
                .andExpect(status().isUnprocessableContent());
        remit(postalOperator(OPERATOR), batch, 28_000, item(shipment, 28_000).replace(shipment.itemId(), "RR000000000VN"))
                .andExpect(status().isUnprocessableContent());
        remit(postalOperator(OPERATOR), batch, 0).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/remittances").with(postalOperator(OPERATOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.batchId == '" + batch + "')]").doesNotExist());
        mvc.perform(get("/api/v1/remittances").with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        // Another operator's batch naming this shipment reconciles nothing against it.
        remit(postalOperator("postal-other"), batch, 28_000, item(shipment, 28_000)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.discrepancies[0].problem").value("unknown-shipment"));
    }

    @Test
    void thePostsFiguresCountResultsDiscountsAndCashForOpsAndTheAgencysLeader() throws Exception {
        Shipment shipment = collected(28_000);
        remit(postalOperator(OPERATOR), "B-" + System.nanoTime(), 28_000, item(shipment, 28_000)).andExpect(status().isCreated());
        String path = "/api/v1/shipments/statistics?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
        mvc.perform(get(path).with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.resultsByPost.handedToOperator").isNumber())
                .andExpect(jsonPath("$.cash.remitted").isNumber());
        mvc.perform(get(path + "&agencyCode=" + AGENCY_THUONG_TIN).with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.cash.collected").value(greaterThanOrEqualTo(28_000)));
        mvc.perform(get(path).with(leader(AGENCY_THUONG_TIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyCode").value(AGENCY_THUONG_TIN));
        mvc.perform(get(path + "&agencyCode=" + AGENCY_JUSTICE).with(leader(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(postalOperator(OPERATOR))).andExpect(status().isForbidden());
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/shipments/statistics?from=" + LocalDate.now() + "&to=2020-01-01").with(ops()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:period-invalid"));
        mvc.perform(get("/api/v1/shipments/statistics?from=x&to=y").with(ops())).andExpect(status().isBadRequest());
    }
}
