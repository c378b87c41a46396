package vn.motcua.dossier.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class WorkQueueIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    DossierFlow flow;

    @BeforeEach
    void setUp() {
        flow = new DossierFlow(mvc, json);
    }

    @Test
    void officersSeeTheirAgencysDossiersFilteredAndPaged() throws Exception {
        String registered = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        String processing = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(processing, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(processing, "assignment", "{\"assignee\": \"specialist-queue\"}", officer(AGENCY_THUONG_TIN));

        JsonNode newOnes = flow.getJson("/api/v1/work-queue?status=1&size=100", officer(AGENCY_THUONG_TIN));
        assertThat(newOnes.get("items").toString()).contains(registered).doesNotContain(processing);
        JsonNode newOrInHand = flow.getJson("/api/v1/work-queue?status=1&status=4&size=100", officer(AGENCY_THUONG_TIN));
        assertThat(newOrInHand.get("items").toString()).contains(registered).contains(processing);
        String withABlankChoice = mvc.perform(get(URI.create("/api/v1/work-queue?status=1&status=&status=%20&size=100"))
                .with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withABlankChoice).as("blank values filter nothing").contains(registered).doesNotContain(processing);
        for (String hidden : List.of("%00", "1%00", "4%E2%80%AE")) {
            mvc.perform(get(URI.create("/api/v1/work-queue?status=1&status=" + hidden)).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:character-not-accepted"))
                    .andExpect(jsonPath("$.field").value("status"));
        }
        mvc.perform(get("/api/v1/work-queue?status=1&size=100&size=1").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:repeated-parameter"))
                .andExpect(jsonPath("$.field").value("size"));
        JsonNode mine = flow.getJson("/api/v1/work-queue?assignee=specialist-queue&deadline=OPEN", specialist(AGENCY_THUONG_TIN));
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.at("/items/0/code").asString()).isEqualTo(processing);
        assertThat(mine.at("/items/0/deadline").asString()).isEqualTo("ON_TRACK");
        assertThat(mine.at("/items/0/dueDate").isNull()).isFalse();
        JsonNode paged = flow.getJson("/api/v1/work-queue?size=1&page=0&procedureCode=2.000018", officer(AGENCY_THUONG_TIN));
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(flow.getJson("/api/v1/work-queue?deadline=OVERDUE&assignee=specialist-queue", officer(AGENCY_THUONG_TIN))
                .get("total").asLong()).isZero();

        JsonNode otherAgency = flow.getJson("/api/v1/work-queue?size=100", officer(AGENCY_JUSTICE));
        assertThat(otherAgency.get("items").toString()).doesNotContain(registered).doesNotContain(processing);
        mvc.perform(get("/api/v1/work-queue").with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/work-queue").with(ops())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/work-queue")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/work-queue?status=11").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/work-queue?submittedFrom=2026-11-20&submittedTo=2026-11-01").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anyoneWithTheCodeAndTheIdNumberSeesTheStatusOnly() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        mvc.perform(get("/api/v1/public/dossier-status").param("code", code).param("idNumber", CITIZEN_1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andExpect(jsonPath("$.statusVietnamese").value("Mới đăng ký"))
                .andExpect(jsonPath("$.applicant").doesNotExist());
        mvc.perform(get("/api/v1/public/dossier-status").param("code", code).param("idNumber", "001090000999"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/dossier-status").param("code", code).param("idNumber", "x"))
                .andExpect(status().isBadRequest());
    }
}
