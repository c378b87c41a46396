package vn.motcua.dossier.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.postOfficeClerk;
import static vn.motcua.testinfra.CallerMother.withRoles;

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
 * A post-office clerk (BCCI) submits online for the citizen before them: recorded on the postal
 * channel (3) with the clerk's post office, owned by the citizen, and read afterwards by the clerk
 * who submitted it and by the citizen, by nobody else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class PostOfficeClerkIT {
    private static final RequestPostProcessor THUONG_TIN_POST = postOfficeClerk("Bưu cục Thường Tín");
    private static final RequestPostProcessor OTHER_POST = postOfficeClerk("Bưu cục Hà Đông");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private ResultActions submit(RequestPostProcessor who, String agencyCode) throws Exception {
        return mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content(SubmissionMother.body(SubmissionMother.LIQUOR_LICENCE, agencyCode, CITIZEN_2, "b@example.com")).with(who));
    }

    @Test
    void theClerksSubmissionIsTheCitizensDossierOnThePostalChannelWithThePostOffice() throws Exception {
        String created = submit(THUONG_TIN_POST, AGENCY_THUONG_TIN).andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("POSTAL")).andExpect(jsonPath("$.postOffice").value("Bưu cục Thường Tín"))
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String code = json.readTree(created).get("code").asString();

        mvc.perform(get("/api/v1/dossiers/" + code + "/history").with(THUONG_TIN_POST)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].role").value("postal-clerk"));
        mvc.perform(get("/api/v1/dossiers").with(THUONG_TIN_POST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code").value(Matchers.hasItem(code)));
        mvc.perform(get("/api/v1/dossiers/" + code).with(citizen(CITIZEN_2))).andExpect(status().isOk());
        new DossierFlow(mvc, json).upload(code, SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.getFirst(), "don.pdf", DossierFlow.PDF,
                THUONG_TIN_POST).andExpect(status().isCreated());

        // Nobody else's: another clerk, a step of the agency's work.
        mvc.perform(get("/api/v1/dossiers/" + code).with(OTHER_POST)).andExpect(status().isNotFound());
        new DossierFlow(mvc, json).tryStep(code, "reception", null, THUONG_TIN_POST).andExpect(status().isForbidden());
    }

    @Test
    void aClerkSubmitsOnlyInItsProvinceAndOnlyWithItsPostOfficeNamed() throws Exception {
        submit(postOfficeClerk("Bưu cục Lê Chân", "T01"), AGENCY_THUONG_TIN).andExpect(status().isForbidden());
        submit(withRoles("clerk-without-office", "postal-clerk"), AGENCY_THUONG_TIN).andExpect(status().isForbidden());
        submit(officer(AGENCY_THUONG_TIN), AGENCY_THUONG_TIN).andExpect(status().isForbidden());
    }
}
