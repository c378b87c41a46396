package vn.motcua.dossier.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.portal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * A provincial portal acts for citizens: at agencies of its province, on the dossiers it
 * submitted for them, it does what the citizen can — and nothing anywhere else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class PortalActingIT {
    private static final RequestPostProcessor HANOI = portal();
    private static final RequestPostProcessor OTHER_HANOI_CLIENT = portal("portal-hanoi-mobile", "H29");
    private static final RequestPostProcessor HAI_PHONG = portal("portal-haiphong", "T01");
    private static final RequestPostProcessor NO_PROVINCE = portal("portal-unscoped", null);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private ResultActions submit(RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content(SubmissionMother.liquorLicenceFor(CITIZEN_2)).with(who));
    }

    @Test
    void thePortalDoesForTheCitizenWhatTheCitizenCanOnWhatItSubmittedForThem() throws Exception {
        String created = submit(HANOI).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String code = json.readTree(created).get("code").asString();
        DossierFlow flow = new DossierFlow(mvc, json);

        mvc.perform(get("/api/v1/dossiers/" + code).with(HANOI)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dossiers/" + code + "/history").with(HANOI)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dossiers").with(HANOI)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code").value(Matchers.hasItem(code)));
        for (String kind : SubmissionMother.LIQUOR_LICENCE_DOCUMENTS) {
            flow.upload(code, kind, "giay-to.pdf", DossierFlow.PDF, HANOI).andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/dossiers/" + code).with(citizen(CITIZEN_2))).andExpect(status().isOk());

        // Nothing of the agency's work, nothing for others, nothing by another client or province.
        flow.tryStep(code, "reception", null, HANOI).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dossiers/" + code).with(OTHER_HANOI_CLIENT)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code).with(HAI_PHONG)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code).with(NO_PROVINCE)).andExpect(status().isNotFound());
        flow.tryStep(code, "withdrawal", "{\"reason\": \"x\"}", OTHER_HANOI_CLIENT).andExpect(status().isNotFound());
        String own = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        // Submitted by the citizen themself, not by the portal.
        mvc.perform(get("/api/v1/dossiers/" + own).with(HANOI)).andExpect(status().isNotFound());

        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        var withdrawn = flow.step(code, "withdrawal", "{\"reason\": \"Công dân đề nghị rút qua cổng\"}", HANOI);
        assertThat(withdrawn.get("nationalStatus").asInt()).isEqualTo(7);
        mvc.perform(get("/api/v1/dossiers/" + code + "/history").with(citizen(CITIZEN_2)))
                .andExpect(jsonPath("$[-1].role").value("portal"))
                .andExpect(jsonPath("$[-1].action").value("WITHDRAW"));
    }

    @Test
    void aPortalSubmitsOnlyAtAgenciesOfItsProvince() throws Exception {
        submit(HAI_PHONG).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("T01")));
        submit(NO_PROVINCE).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dossiers").with(NO_PROVINCE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }
}
