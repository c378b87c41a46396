package vn.motcua.postal.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.postalOperator;

import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class PlansResultDeliveriesIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    ShipmentRepository shipments;

    @Test
    void aResultAskedForByPostGetsOnePlannedDeliveryVisibleToItsOwnerAndOperatorOnly() throws Exception {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> submitted = EventMother.record(EventMother.dossierSubmitted(code, CITIZEN_1, 0));
        KafkaProbe.send(submitted);
        KafkaProbe.send(submitted);
        String id = Shipment.resultDeliveryId(code);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments.existsById(id));
        assertThat(shipments.findById(id).orElseThrow().status()).isEqualTo(Shipment.Status.AWAITING_RESULT);
        assertThat(shipments.findAll().stream().filter(s -> s.dossierCode().equals(code))).hasSize(1);

        mvc.perform(get("/api/v1/shipments").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/v1/shipments").with(postalOperator("postal-vnpost")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());

        mvc.perform(get("/api/v1/shipments").with(citizen(CITIZEN_2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments").with(postalOperator("postal-other")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/shipments")).andExpect(status().isUnauthorized());
    }
}
