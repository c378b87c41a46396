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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
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

    private static RequestPostProcessor operator(String clientId) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject("service-account-" + clientId).claim("azp", clientId)
                        .claim("realm_access", Map.of("roles", List.of("postal-operator"))))
                .authorities(new SimpleGrantedAuthority("ROLE_postal-operator"));
    }

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
        mvc.perform(get("/api/v1/shipments").with(operator("postal-vnpost")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());

        mvc.perform(get("/api/v1/shipments").with(citizen(CITIZEN_2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments").with(operator("postal-other")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/shipments").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/shipments")).andExpect(status().isUnauthorized());
    }
}
