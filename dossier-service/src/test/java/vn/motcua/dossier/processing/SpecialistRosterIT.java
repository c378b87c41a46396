package vn.motcua.dossier.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import static vn.motcua.testinfra.CallerMother.withRoles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.testinfra.InfrastructureTest;

/** The assignment form's roster; without a realm (a service test) it lists who holds the agency's dossiers. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class SpecialistRosterIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    DossierFlow flow;
    String busy;
    String quiet;

    @BeforeEach
    void setUp() {
        flow = new DossierFlow(mvc, json);
        String run = UUID.randomUUID().toString().substring(0, 8);
        busy = "roster-busy-" + run;
        quiet = "roster-quiet-" + run;
    }

    @Test
    void anOfficerSeesWhatEachSpecialistHoldsAndWhichOfItIsOverdue() throws Exception {
        String late = assignedTo(busy);
        pausedWith(busy);
        assignedTo(quiet);
        stoppedWith(quiet);
        mongo.updateFirst(Query.query(where("_id").is(late)),
                new Update().set("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3)), Dossier.class);

        JsonNode roster = flow.getJson("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists", officer(AGENCY_THUONG_TIN));
        assertThat(roster.get("agencyCode").asString()).isEqualTo(AGENCY_THUONG_TIN);
        JsonNode busyOne = entry(roster, busy);
        assertThat(busyOne.get("open").asLong()).as("in processing and paused for a supplement").isEqualTo(2);
        assertThat(busyOne.get("overdue").asLong()).isEqualTo(1);
        assertThat(busyOne.get("assignable").asBoolean()).as("any username, without a realm").isTrue();
        JsonNode quietOne = entry(roster, quiet);
        assertThat(quietOne.get("open").asLong()).as("a stopped dossier is no longer held").isEqualTo(1);
        assertThat(quietOne.get("overdue").asLong()).isZero();
        assertThat(entry(flow.getJson("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists", leader(AGENCY_THUONG_TIN)),
                busy).get("open").asLong()).as("a leader sees the same").isEqualTo(2);
    }

    @Test
    void onlyTheAgencysOfficersAndLeadersMaySeeItsRoster() throws Exception {
        String path = "/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists";
        assignedTo(busy);
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(get(path).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(ops())).andExpect(status().isForbidden());
        mvc.perform(get(path).with(officer(AGENCY_JUSTICE))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(not(containsString(busy))));
        mvc.perform(get("/api/v1/agencies/no-such-agency/specialists").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists")
                        .with(withRoles("leader-without-agency", "leader")))
                .andExpect(status().isForbidden());
        JsonNode justice = flow.getJson("/api/v1/agencies/" + AGENCY_JUSTICE + "/specialists", officer(AGENCY_JUSTICE));
        assertThat(justice.toString()).as("another agency's dossiers are not counted").doesNotContain(busy);
        mvc.perform(get(path).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.specialists[?(@.username == '" + busy + "')].open").value(1));
    }

    @Test
    void anOfficerPassesEveryOpenDossierOfADepartingSpecialistToAnotherAtOnce() throws Exception {
        String inProcessing = assignedTo(busy);
        String paused = pausedWith(busy);
        String stopped = stoppedWith(busy);
        assignedTo(quiet);
        String handOver = "/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists/" + busy + "/hand-over";

        mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content("{\"to\": \" " + quiet + " \"}")
                        .with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(busy))
                .andExpect(jsonPath("$.to").value(quiet))
                .andExpect(jsonPath("$.moved", containsInAnyOrder(inProcessing, paused)))
                .andExpect(jsonPath("$.failed").isEmpty());

        assertThat(flow.dossier(inProcessing, officer(AGENCY_THUONG_TIN)).get("assignee").asString()).isEqualTo(quiet);
        JsonNode stillPaused = flow.dossier(paused, officer(AGENCY_THUONG_TIN));
        assertThat(stillPaused.get("assignee").asString()).isEqualTo(quiet);
        assertThat(stillPaused.get("nationalStatus").asInt()).isEqualTo(5);
        assertThat(flow.dossier(stopped, officer(AGENCY_THUONG_TIN)).get("assignee").asString())
                .as("a closed dossier stays as it was decided").isEqualTo(busy);
        JsonNode roster = flow.getJson("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists", officer(AGENCY_THUONG_TIN));
        assertThat(roster.findValuesAsString("username")).as("holding nothing open any more").doesNotContain(busy);
        assertThat(entry(roster, quiet).get("open").asLong()).isEqualTo(3);
        mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"" + quiet + "\"}")
                        .with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.moved").isEmpty());
    }

    @Test
    void aDepartingSpecialistsDossiersSpreadSoThatThoseNamedHoldAsEvenlyAsTheyCan() throws Exception {
        String idle = "roster-idle-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> held = List.of(assignedTo(busy), assignedTo(busy), pausedWith(busy));
        assignedTo(quiet);
        String handOver = "/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists/" + busy + "/hand-over";

        JsonNode spread = json.readTree(mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"among\": [\"" + quiet + "\", \" " + idle + " \", \"" + quiet + "\"]}")
                        .with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(spread.has("to")).as("no single recipient").isFalse();
        assertThat(spread.get("among").toString()).as("each named once, in order").isEqualTo("[\"" + quiet + "\",\"" + idle + "\"]");
        assertThat(spread.get("moved").toString()).contains(held);
        assertThat(spread.get("failed").isEmpty()).isTrue();
        // idle starts with none and quiet with one: idle, then quiet on the tie (named first), then idle.
        assertThat(spread.get("given").get(idle).size()).isEqualTo(2);
        assertThat(spread.get("given").get(quiet).size()).isEqualTo(1);
        JsonNode roster = flow.getJson("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists", officer(AGENCY_THUONG_TIN));
        assertThat(entry(roster, quiet).get("open").asLong()).isEqualTo(2);
        assertThat(entry(roster, idle).get("open").asLong()).isEqualTo(2);
        for (JsonNode code : spread.get("given").get(idle)) {
            assertThat(flow.dossier(code.asString(), officer(AGENCY_THUONG_TIN)).get("assignee").asString()).isEqualTo(idle);
        }
    }

    @Test
    void aHandOverNamingNoOneBothWaysOrTheDepartingOneAmongOthersChangesNothing() throws Exception {
        String held = assignedTo(busy);
        String handOver = "/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists/" + busy + "/hand-over";
        String tooMany = "{\"among\": [" + String.join(",", Collections.nCopies(21, "\"" + quiet + "\"")) + "]}";

        for (String unclear : List.of("{\"to\": \"" + quiet + "\", \"among\": [\"" + quiet + "\"]}", "{\"among\": []}",
                "{\"among\": [\"" + quiet + "\", \" \"]}", "{\"among\": [null]}", tooMany)) {
            mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content(unclear).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"among\": [\"" + quiet + "\", \"" + busy + "\"]}").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:same-specialist"))
                .andExpect(jsonPath("$.among").value(busy));
        mvc.perform(post("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists/" + "x".repeat(101) + "/hand-over")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"" + quiet + "\"}")
                        .with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(flow.dossier(held, officer(AGENCY_THUONG_TIN)).get("assignee").asString()).isEqualTo(busy);
    }

    @Test
    void aHandOverToTheSameOneToNobodyOrByWhoMayNotChangesNothing() throws Exception {
        String held = assignedTo(busy);
        String handOver = "/api/v1/agencies/" + AGENCY_THUONG_TIN + "/specialists/" + busy + "/hand-over";
        String toQuiet = "{\"to\": \"" + quiet + "\"}";

        mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"" + busy + "\"}")
                        .with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:same-specialist"));
        for (String blank : List.of("{\"to\": \"  \"}", "{}")) {
            mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content(blank).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content("{}").with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isForbidden()); // another agency's officer learns nothing of what the body lacks
        mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content(toQuiet)).andExpect(status().isUnauthorized());
        for (RequestPostProcessor notThem : List.of(citizen(CITIZEN_1), specialist(AGENCY_THUONG_TIN), ops(),
                officer(AGENCY_JUSTICE))) {
            mvc.perform(post(handOver).contentType(MediaType.APPLICATION_JSON).content(toQuiet).with(notThem))
                    .andExpect(status().isForbidden());
        }
        assertThat(flow.dossier(held, officer(AGENCY_THUONG_TIN)).get("assignee").asString()).isEqualTo(busy);
    }

    /** Held by the assignee, paused while the applicant supplements. */
    private String pausedWith(String assignee) throws Exception {
        String code = assignedTo(assignee);
        flow.step(code, "supplement-request", "{\"reason\": \"Thiếu bản sao có chứng thực\", \"documents\": [\"Bản sao\"]}",
                specialist(AGENCY_THUONG_TIN));
        return code;
    }

    /** Assigned to the assignee once, then stopped: no longer held. */
    private String stoppedWith(String assignee) throws Exception {
        String code = assignedTo(assignee);
        flow.step(code, "stop", "{\"reason\": \"Công dân đề nghị dừng xử lý\"}", leader(AGENCY_THUONG_TIN));
        return code;
    }

    private String assignedTo(String assignee) throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        flow.step(code, "assignment", "{\"assignee\": \"" + assignee + "\"}", officer(AGENCY_THUONG_TIN));
        return code;
    }

    private static JsonNode entry(JsonNode roster, String username) {
        for (JsonNode entry : roster.get("specialists")) {
            if (username.equals(entry.get("username").asString())) {
                return entry;
            }
        }
        throw new AssertionError(username + " is not in " + roster);
    }
}
