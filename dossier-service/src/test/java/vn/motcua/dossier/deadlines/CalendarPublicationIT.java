package vn.motcua.dossier.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.events.Topics;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class CalendarPublicationIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DeadlinePolicy deadlines;

    private static String year(List<String> daysOff, List<String> worked, String document, String date) {
        return """
                {"daysOff": %s, "workingWeekendDays": %s, "provisional": false,
                 "source": {"document": "%s", "date": "%s", "title": "Thông báo nghỉ lễ"}}
                """.formatted(quoted(daysOff), quoted(worked), document, date);
    }

    private static String quoted(List<String> days) {
        return days.stream().map(d -> "\"" + d + "\"").toList().toString();
    }

    private static MockHttpServletRequestBuilder publish(int year, String body) {
        return put("/api/v1/calendar/" + year).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void anyoneReadsTheCalendarAsTheNoticesSetIt() throws Exception {
        mvc.perform(get("/api/v1/public/calendar/2026"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.workingWeekendDays[0]").value("2026-01-10"))
                .andExpect(jsonPath("$.daysOff[1]").value("2026-01-02"))
                .andExpect(jsonPath("$.source.document").value("12729/VPCP-KGVX"))
                .andExpect(jsonPath("$.provisional").value(false));
        mvc.perform(get("/api/v1/public/calendar"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.year == 2027)].provisional").value(true));
        mvc.perform(get("/api/v1/public/calendar/1999")).andExpect(status().isNotFound());
    }

    @Test
    void opsPublishANewYearWhichCountsAtOnceAndIsAnnounced() throws Exception {
        int year = 2080 + (int) Math.floorMod(System.nanoTime(), 9);   // other tests keep 2096 and 2097 unpublished
        String body = year(List.of(year + "-01-02"), List.of(), "01/TB-BNV", "2026-11-01");
        if (LocalDate.of(year, 1, 2).getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()) {
            body = year(List.of(year + "-01-04", year + "-01-05"), List.of(), "01/TB-BNV", "2026-11-01");
        }
        mvc.perform(publish(year, body).with(ops()))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.publishedBy").exists());
        LocalDate off = LocalDate.parse(json.readTree(body).get("daysOff").get(0).asString());
        assertThat(deadlines.calendar().isWorkingDay(off)).as("the new year counts at once").isFalse();

        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> ("calendar-" + year).equals(r.key()), 1, Duration.ofSeconds(15)))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"calendarVersion\":1")
                        .contains(off.toString()).contains("01/TB-BNV"));

        // Published already: a second first version is a precondition failure, not an overwrite.
        mvc.perform(publish(year, body).with(ops())).andExpect(status().isPreconditionRequired());
    }

    @Test
    void publicationsSentAtOnceStoreOneFirstVersionAndOneCorrectionOfIt() throws Exception {
        int year = 2070 + (int) Math.floorMod(System.nanoTime(), 9);   // no other test publishes 2070-2078
        LocalDate monday = LocalDate.of(year, 9, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        String first = year(List.of(monday.toString()), List.of(), "01/TB-BNV", "2026-11-01");
        // A loser that read the year as missing is 409 calendar-year-exists; one that read it published, 428.
        assertThat(sentAtOnce(() -> publish(year, first).with(ops())))
                .isSubsetOf(201, 409, 428).filteredOn(answer -> answer == 201).hasSize(1);

        String correction = year(List.of(monday.toString(), monday.plusDays(1).toString()), List.of(), "02/TB-BNV",
                "2026-11-02");
        assertThat(sentAtOnce(() -> publish(year, correction).header("If-Match", "\"1\"").with(ops())))
                .as("one correction of version 1 wins; the others corrected what is no longer current")
                .containsOnly(200, 412).filteredOn(answer -> answer == 200).hasSize(1);
        mvc.perform(get("/api/v1/calendar/" + year + "/versions").with(ops()))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].number").value(2));
    }

    private List<Integer> sentAtOnce(Supplier<MockHttpServletRequestBuilder> request) throws Exception {
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> sent = IntStream.range(0, 10)
                    .mapToObj(i -> pool.submit(() -> mvc.perform(request.get()).andReturn().getResponse().getStatus())).toList();
            for (Future<Integer> answer : sent) {
                answers.add(answer.get());
            }
        }
        return answers;
    }

    @Test
    void aCorrectionListsTheOpenDossiersItConcernsAndMovesNoDueDate() throws Exception {
        DossierFlow flow = new DossierFlow(mvc, json);
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        JsonNode received = flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        LocalDate due = LocalDate.parse(received.get("dueDate").asString());
        LocalDate newDayOff = due;
        while (newDayOff.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            newDayOff = newDayOff.minusDays(1);
        }
        int year = newDayOff.getYear();
        var current = mvc.perform(get("/api/v1/public/calendar/" + year)).andReturn().getResponse();
        JsonNode published = json.readTree(current.getContentAsString());
        List<String> daysOff = new ArrayList<>(published.get("daysOff").valueStream().map(JsonNode::asString).toList());
        List<String> worked = published.get("workingWeekendDays").valueStream().map(JsonNode::asString).toList();
        String version = current.getHeader("ETag");
        List<String> corrected = new ArrayList<>(daysOff);
        corrected.add(newDayOff.toString());

        mvc.perform(publish(year, year(corrected, worked, "02/TB-BNV", "2026-11-02")).with(ops()))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(publish(year, year(corrected, worked, "02/TB-BNV", "2026-11-02")).header("If-Match", "\"999\"").with(ops()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:stale-calendar-version"))
                .andExpect(jsonPath("$.currentVersion").value(Integer.parseInt(version.replace("\"", ""))));
        try {
            mvc.perform(publish(year, year(corrected, worked, "02/TB-BNV", "2026-11-02")).header("If-Match", version)
                            .with(ops()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.changedDays[0]").value(newDayOff.toString()))
                    .andExpect(jsonPath("$.affectedDossiers").value(hasItem(code)));
            assertThat(deadlines.calendar().isWorkingDay(newDayOff)).isFalse();
            assertThat(flow.dossier(code, citizen(CITIZEN_1)).get("dueDate").asString())
                    .as("a due date already computed is not moved").isEqualTo(due.toString());
            mvc.perform(get("/api/v1/calendar/" + year + "/versions").with(ops()))
                    .andExpect(jsonPath("$[-1].source.document").value("02/TB-BNV"));
        } finally {
            String now = mvc.perform(get("/api/v1/public/calendar/" + year)).andReturn().getResponse().getHeader("ETag");
            mvc.perform(publish(year, year(daysOff, worked, "03/TB-BNV", "2026-11-03")).header("If-Match", now).with(ops()))
                    .andExpect(status().isOk());
        }
        assertThat(deadlines.calendar().isWorkingDay(newDayOff)).as("restored by a further correction").isTrue();
    }

    @Test
    void impossibleYearsAreRefusedAndChangeNothing() throws Exception {
        mvc.perform(publish(2096, year(List.of("2095-05-05"), List.of(), "04/TB-BNV", "2026-11-01")).with(ops()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:day-outside-year"))
                .andExpect(jsonPath("$.day").value("2095-05-05"));
        mvc.perform(publish(2096, year(List.of("2096-01-07"), List.of(), "04/TB-BNV", "2026-11-01")).with(ops()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:day-off-on-weekend"));
        mvc.perform(publish(2096, year(List.of(), List.of("2096-01-09"), "04/TB-BNV", "2026-11-01")).with(ops()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:worked-day-not-on-weekend"));
        mvc.perform(publish(2096, year(List.of("2096-01-02", "2096-01-02"), List.of(), "04/TB-BNV", "2026-11-01")).with(ops()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(publish(2096, year(List.of("2096-01-02"), List.of(), "04/TB-BNV", "2999-01-01")).with(ops()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:notice-dated-in-future"));
        mvc.perform(publish(2096, year(List.of("2096-13-02"), List.of(), "04/TB-BNV", "2026-11-01")).with(ops()))
                .andExpect(status().isBadRequest());
        mvc.perform(publish(2096, "{\"daysOff\": [], \"workingWeekendDays\": []}").with(ops()))
                .andExpect(status().isBadRequest());
        mvc.perform(publish(3000, year(List.of(), List.of(), "04/TB-BNV", "2026-11-01")).with(ops()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/public/calendar/2096")).andExpect(status().isNotFound());
    }

    @Test
    void onlyOpsPublish() throws Exception {
        String body = year(List.of("2097-01-02"), List.of(), "05/TB-BNV", "2026-11-01");
        mvc.perform(publish(2097, body)).andExpect(status().isUnauthorized());
        mvc.perform(publish(2097, body).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(publish(2097, body).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(publish(2097, body).with(leader(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/calendar/2026/versions").with(leader(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/calendar/2026/versions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/public/calendar/2097")).andExpect(status().isNotFound());
    }
}
