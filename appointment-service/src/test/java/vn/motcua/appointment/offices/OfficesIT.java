package vn.motcua.appointment.offices;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.api.Assertions;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.appointment.demand.OnlineDemand;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class OfficesIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    OnlineDemand demand;
    @Autowired
    MongoTemplate mongo;

    @Test
    void authenticatedCallersListTheOfficesWithTheirCounters() throws Exception {
        mvc.perform(get("/api/v1/offices").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'TT-HUYEN')].counters.length()").value(Matchers.hasItem(4)));
        mvc.perform(get("/api/v1/offices")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/offices/NOPE").with(citizen(CITIZEN_1))).andExpect(status().isNotFound());
    }

    @Test
    void onlineSubmissionsAreCountedOncePerEvent() throws Exception {
        long before = demand.onlineSubmissions(CallerMother.AGENCY_THUONG_TIN);
        ProducerRecord<String, String> submitted = EventMother.record(
                EventMother.dossierSubmitted(EventMother.newDossierCode(), CITIZEN_1, 0));
        KafkaProbe.send(submitted);
        KafkaProbe.send(submitted);
        ProducerRecord<String, String> another = EventMother.record(
                EventMother.dossierSubmitted(EventMother.newDossierCode(), CITIZEN_1, 0));
        KafkaProbe.send(another);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> demand.onlineSubmissions(CallerMother.AGENCY_THUONG_TIN) >= before + 2);
        Thread.sleep(1000);
        Assertions.assertThat(demand.onlineSubmissions(CallerMother.AGENCY_THUONG_TIN))
                .isEqualTo(before + 2);
        mvc.perform(get("/api/v1/offices/TT-HUYEN").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossiersSubmittedOnline").value(before + 2));
    }

    @Test
    void countsKeptBeforeOneDocumentPerDossierAreStillCounted() {
        String agency = "000.99." + UUID.randomUUID();
        mongo.insert(new Document("_id", agency).append("onlineSubmissions", 4), "online_demand");
        mongo.insert(new Document("_id", agency + "/2026-11-30").append("agencyCode", agency).append("day", "2026-11-30")
                .append("onlineSubmissions", 3).append("appliedEventIds", List.of("a", "b", "c")), "online_demand");
        mongo.insert(new Document("_id", agency + "0/2026-11-30").append("agencyCode", agency + "0")
                .append("onlineSubmissions", 9), "online_demand");

        Assertions.assertThat(demand.onlineSubmissions(agency)).isEqualTo(7);
    }
}
