package vn.motcua.dossier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class StatisticsIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void receptionsAndResolutionsAreCountedPerAgencyAsJsonAndCsv() throws Exception {
        DossierFlow flow = new DossierFlow(mvc, json);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String period = "?from=" + today + "&to=" + today;
        JsonNode before = flow.getJson("/api/v1/statistics" + period, leader(AGENCY_THUONG_TIN)).get(0);

        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"s1\"}", officer(AGENCY_THUONG_TIN));
        flow.step(code, "revision-request", "{\"reason\": \"Sai tên cơ sở\"}", leader(AGENCY_THUONG_TIN));
        flow.step(code, "approval", null, leader(AGENCY_THUONG_TIN));
        flow.step(code, "result", null, specialist(AGENCY_THUONG_TIN));
        String refused = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        flow.step(refused, "refusal", "{\"reason\": \"Không đủ điều kiện\"}", officer(AGENCY_THUONG_TIN));

        // The figures follow the dossier's events into the reporting projection: a moment later.
        JsonNode after = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> flow.getJson("/api/v1/statistics" + period, leader(AGENCY_THUONG_TIN)).get(0),
                report -> report.get("notAccepted").asLong() == before.get("notAccepted").asLong() + 1
                        && report.get("resolvedEarly").asLong() == before.get("resolvedEarly").asLong() + 1);
        assertThat(after.get("agencyCode").asString()).isEqualTo(AGENCY_THUONG_TIN);
        assertThat(after.get("receivedOnline").asLong()).isEqualTo(before.get("receivedOnline").asLong() + 1);
        assertThat(after.get("onlineShare").asDouble()).isBetween(0.0, 1.0);
        assertThat(after.get("sentBackForRevision").asLong()).isEqualTo(before.get("sentBackForRevision").asLong() + 1);

        String csv = mvc.perform(get("/api/v1/statistics/export.csv" + period + "&agencyCode=" + AGENCY_THUONG_TIN).with(ops()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFagencyCode,agencyName,");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",feedbackOverdue,sentBackForRevision");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .startsWith(AGENCY_THUONG_TIN + ",\"UBND xã Thường Tín\"," + today)
                .contains("," + after.get("receivedOnline").asLong() + ",");

        mvc.perform(get("/api/v1/statistics" + period + "&agencyCode=" + AGENCY_JUSTICE).with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics" + period).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics" + period).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics" + period)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/statistics?from=2026-02-01&to=2026-01-01").with(ops())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/statistics" + period + "&agencyCode=nope").with(ops())).andExpect(status().isUnprocessableContent());
    }

    @Test
    void aReportOfEveryAgencyListsEachThatReceivedDossiersThenQuietOrNot() throws Exception {
        // January 2024: before the communes of 1 July 2025 existed, when the district and its town did.
        List<String> listed = new ArrayList<>();
        flow().getJson("/api/v1/statistics?from=2024-01-01&to=2024-01-31", ops()).forEach(row -> listed.add(row.get("agencyCode").asString()));

        assertThat(listed).contains(AGENCY_JUSTICE, "000.10.20.H29", "000.10.20.01.H29");
        List<String> quietToday = new ArrayList<>();
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        flow().getJson("/api/v1/statistics?from=" + today + "&to=" + today, ops())
                .forEach(row -> quietToday.add(row.get("agencyCode").asString()));
        assertThat(quietToday).contains(AGENCY_THUONG_TIN, AGENCY_JUSTICE, "000.10.20.32.H29");
    }

    private DossierFlow flow() {
        return new DossierFlow(mvc, json);
    }
}
