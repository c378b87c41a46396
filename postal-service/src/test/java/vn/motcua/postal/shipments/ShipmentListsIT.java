package vn.motcua.postal.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.postalOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * An operator's queue (and a citizen's or an agency's list) is read a page at a time, newest
 * first, the status asked for filtered in the query: a year of a province's shipments was read
 * whole into memory on every call, the status filtered afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class ShipmentListsIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    AggregateStore store;
    @Autowired
    JsonMapper json;

    private List<String> ids(String operator, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/shipments" + query).with(postalOperator(operator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> ids = new ArrayList<>();
        json.readTree(body).forEach((JsonNode shipment) -> ids.add(shipment.get("id").asString()));
        return ids;
    }

    @Test
    void anOperatorPagesThroughItsShipmentsNewestFirstAndFindsTheOnesOfAStatusHoweverOld() throws Exception {
        String operator = "postal-lists-" + UUID.randomUUID();
        Shipment oldestRequested = ShipmentMother.requested(EventMother.newDossierCode(), CITIZEN_1, operator, "EZ000000001VN");
        store.insert(Changed.of(oldestRequested));
        List<String> newestFirst = new ArrayList<>();
        for (int hour = 1; hour <= 3; hour++) {
            Shipment planned = ShipmentMother.awaitingResult(EventMother.newDossierCode(), CITIZEN_1, operator,
                    oldestRequested.createdAt().plusSeconds(3600L * hour));
            store.insert(Changed.of(planned));
            newestFirst.addFirst(planned.id());
        }

        assertThat(ids(operator, "?size=2")).containsExactly(newestFirst.get(0), newestFirst.get(1));
        assertThat(ids(operator, "?size=2&page=1")).containsExactly(newestFirst.get(2), oldestRequested.id());
        assertThat(ids(operator, "?size=2&page=2")).isEmpty();
        assertThat(ids(operator, "?status=REQUESTED&size=1")).containsExactly(oldestRequested.id());
        assertThat(ids(operator, "?status=DELIVERED")).isEmpty();
        assertThat(ids("postal-other", "?size=200")).doesNotContain(oldestRequested.id()).doesNotContainAnyElementsOf(newestFirst);

        // A typo of "status" was ignored: the caller got every shipment as if filtered.
        mvc.perform(get("/api/v1/shipments?sattus=DELIVERED").with(postalOperator(operator))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-parameter")).andExpect(jsonPath("$.field").value("sattus"));
        for (String bad : List.of("?size=0", "?size=201", "?page=-1", "?size=ten")) {
            mvc.perform(get("/api/v1/shipments" + bad).with(postalOperator(operator))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").exists());
        }
    }
}
