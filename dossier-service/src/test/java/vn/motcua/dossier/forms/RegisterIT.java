package vn.motcua.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.PdfText;
import vn.motcua.testinfra.InfrastructureTest;

/** Form 06: the agency's register of the dossiers it received in a period, as PDF and CSV. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class RegisterIT {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private static MockHttpServletRequestBuilder register(String path, String agency) {
        MockHttpServletRequestBuilder request = get("/api/v1/register" + path).param("from", TODAY).param("to", TODAY);
        return agency == null ? request : request.param("agencyCode", agency);
    }

    @Test
    void theRegisterListsEveryDossierTheAgencyReceivedInThePeriod() throws Exception {
        DossierFlow flow = new DossierFlow(mvc, json);
        String received = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(received, "reception", null, officer(AGENCY_THUONG_TIN));
        String waiting = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));

        String csv = mvc.perform(register("/export.csv", null).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"STT\",\"Mã hồ sơ\"").contains("\"" + received + "\"", "\"Nguyễn Văn An\"",
                "\"2 ");
        assertThat(csv).as("not received yet: not in the register").doesNotContain(waiting);

        byte[] pdf = mvc.perform(register("", AGENCY_THUONG_TIN).with(ops()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = PdfText.of(pdf);
        assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Mẫu số 06", "Số hồ sơ tiếp nhận");
        assertThat(text.replaceAll("\\s", "")).as("a long code may wrap in its cell").contains(received);
    }

    @Test
    void onlyTheAgencysStaffAndOpsReadItAndBadPeriodsAreRefused() throws Exception {
        mvc.perform(register("/export.csv", AGENCY_THUONG_TIN).with(officer(AGENCY_JUSTICE))).andExpect(status().isForbidden());
        mvc.perform(register("/export.csv", null).with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(register("/export.csv", null).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(register("", null)).andExpect(status().isUnauthorized());
        mvc.perform(register("", null).with(ops())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:agency-required"));
        mvc.perform(register("", "000.99.99.H29").with(ops())).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/register").param("from", "2026-02-01").param("to", "2026-01-01")
                .with(leader(AGENCY_THUONG_TIN))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/register").param("from", "2024-01-01").param("to", "2026-01-01")
                .with(leader(AGENCY_THUONG_TIN))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:period-invalid")).andExpect(jsonPath("$.maxDays").value(366));
        mvc.perform(get("/api/v1/register").param("from", "yesterday").param("to", TODAY)
                .with(leader(AGENCY_THUONG_TIN))).andExpect(status().isBadRequest());
    }
}
