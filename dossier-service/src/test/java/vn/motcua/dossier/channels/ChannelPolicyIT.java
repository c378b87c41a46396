package vn.motcua.dossier.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.events.Topics;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * The counter's channels follow the policy in force: the decree's default lets the applicant
 * choose; an online-first policy (the 2020 emergency rule) refuses in person what is online at
 * level 3/4, except the urgent list. Two communes other tests leave alone are used, so that their
 * policies for xã Thường Tín do not interfere.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class ChannelPolicyIT {
    private static final String TOWN = "000.10.20.31.H29";
    private static final String VAN_BINH = "000.10.20.32.H29";
    private static final String MARRIAGE = "1.000002";   // online at level 3, commune
    private static final String BIRTH = "1.000001";      // online at level 4, on the urgent list
    private static final String COPY_CERTIFICATION = "1.000006";   // level 2: not online
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private ResultActions inPerson(String procedure, String agency) throws Exception {
        return mvc.perform(post("/api/v1/dossiers/paper").param("channel", "IN_PERSON")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .content(SubmissionMother.body(procedure, agency, CITIZEN_2, "b@example.com").replaceFirst("\\{", "{\"pages\": 3, "))
                .with(officer(agency)));
    }

    private static String policy(String scope, String rule, LocalDate from, LocalDate until) {
        return """
                {%s, "rule": "%s", "validFrom": "%s", "validUntil": %s,
                 "source": {"document": "17/CT-UBND", "date": "2020-03-20", "title": "Phòng, chống dịch COVID-19"}}
                """.formatted(scope, rule, from, until == null ? "null" : "\"" + until + "\"");
    }

    private ResultActions publish(String body) throws Exception {
        return mvc.perform(post("/api/v1/channel-policies").contentType(MediaType.APPLICATION_JSON).content(body).with(ops()));
    }

    private ResultActions rule(String agency, String day) throws Exception {
        return mvc.perform(get("/api/v1/public/channel-policies/in-force").param("agencyCode", agency).param("day", day))
                .andExpect(status().isOk());
    }

    @Test
    void tenOverlappingPublishesAtOnceStoreOnePolicy() throws Exception {
        // Each checked the scope's policies before any had stored its own: three of ten were stored, all in force at once.
        // An agency no other test gives a policy: an open-ended one of theirs from 2020 would meet this one.
        String agency = "000.00.05.H29";
        LocalDate from = LocalDate.of(2400, 1, 1);
        String body = policy("\"agencyCode\": \"" + agency + "\"", "ONLINE_FIRST", from, from.plusYears(1));
        List<Integer> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> sent = IntStream.range(0, 10)
                    .mapToObj(i -> pool.submit(() -> publish(body).andReturn().getResponse().getStatus())).toList();
            answers = new ArrayList<>();
            for (Future<Integer> answer : sent) {
                answers.add(answer.get());
            }
        }
        assertThat(answers).filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(json.readTree(mvc.perform(get("/api/v1/public/channel-policies")).andReturn().getResponse().getContentAsString())
                .valueStream().filter(p -> agency.equals(p.path("agencyCode").asString(""))
                        && p.at("/terms/validFrom").asString("").equals(from.toString())).count()).isEqualTo(1);
    }

    @Test
    void withoutAPolicyTheApplicantChoosesTheCounterForAnOnlineProcedure() throws Exception {
        mvc.perform(get("/api/v1/public/channel-policies/in-force").param("agencyCode", VAN_BINH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").value("APPLICANT_CHOOSES"))
                .andExpect(jsonPath("$.policy").isEmpty());
        inPerson(MARRIAGE, VAN_BINH).andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("IN_PERSON"));
    }

    @Test
    void underAnOnlineFirstPolicyTheCounterTakesOnlyTheUrgentListAndWhatIsNotOnlineUntilItEnds() throws Exception {
        String created = publish(policy("\"agencyCode\": \"" + TOWN + "\"", "ONLINE_FIRST", TODAY, null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> ("channel-policy-" + id).equals(r.key()), 1,
                Duration.ofSeconds(15))).singleElement().satisfies(r -> assertThat(r.value()).contains("ONLINE_FIRST"));

        inPerson(MARRIAGE, TOWN).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:submit-online"))
                .andExpect(jsonPath("$.channelPolicy").value(id));
        inPerson(BIRTH, TOWN).andExpect(status().isCreated());
        inPerson(COPY_CERTIFICATION, TOWN).andExpect(status().isCreated());
        // A level-2 procedure is never taken online, whatever the policy.
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content(SubmissionMother.body(COPY_CERTIFICATION, TOWN, CITIZEN_1, "a@example.com"))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:procedure-not-online"));

        publish(policy("\"agencyCode\": \"" + TOWN + "\"", "APPLICANT_CHOOSES", TODAY.plusDays(30), null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:channel-policy-overlaps"))
                .andExpect(jsonPath("$.overlappingPolicy").value(id));
        String ended = policy("\"agencyCode\": \"" + TOWN + "\"", "ONLINE_FIRST", TODAY.minusDays(10), TODAY.minusDays(1))
                .replace("\"agencyCode\": \"" + TOWN + "\", ", "");
        mvc.perform(put("/api/v1/channel-policies/" + id).contentType(MediaType.APPLICATION_JSON).content(ended).with(ops()))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put("/api/v1/channel-policies/" + id).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(ended).with(ops()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/channel-policies/" + id).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(ended).with(ops()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:stale-channel-policy"))
                .andExpect(jsonPath("$.currentVersion").value(2));
        inPerson(MARRIAGE, TOWN).andExpect(status().isCreated());
    }

    @Test
    void anAgencysOwnPolicyWinsOverItsProvincesAndEachHoldsOnlyInItsWindow() throws Exception {
        publish(policy("\"provinceCode\": \"H29\"", "ONLINE_FIRST", LocalDate.parse("2020-03-23"),
                LocalDate.parse("2020-05-30"))).andExpect(status().isCreated());
        publish(policy("\"agencyCode\": \"" + VAN_BINH + "\"", "APPLICANT_CHOOSES", LocalDate.parse("2020-04-01"),
                LocalDate.parse("2020-04-30"))).andExpect(status().isCreated());

        rule(VAN_BINH, "2020-04-15").andExpect(jsonPath("$.rule").value("APPLICANT_CHOOSES"))
                .andExpect(jsonPath("$.policy.agencyCode").value(VAN_BINH));
        rule(VAN_BINH, "2020-05-15").andExpect(jsonPath("$.rule").value("ONLINE_FIRST"))
                .andExpect(jsonPath("$.policy.provinceCode").value("H29"));
        rule(AGENCY_THUONG_TIN, "2020-03-23").andExpect(jsonPath("$.rule").value("ONLINE_FIRST"));
        rule(VAN_BINH, "2020-06-01").andExpect(jsonPath("$.rule").value("APPLICANT_CHOOSES"))
                .andExpect(jsonPath("$.policy").isEmpty());
        mvc.perform(get("/api/v1/public/channel-policies")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.provinceCode == 'H29')].terms.source.document").value(
                        Matchers.hasItem("17/CT-UBND")));
    }

    @Test
    void impossiblePoliciesAreRefusedAndOnlyOpsPublish() throws Exception {
        String both = "\"provinceCode\": \"H29\", \"agencyCode\": \"" + VAN_BINH + "\"";
        LocalDate from = LocalDate.parse("2019-01-01");
        publish(policy(both, "ONLINE_FIRST", from, null)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:channel-policy-scope"));
        publish(policy("\"agencyCode\": null", "ONLINE_FIRST", from, null)).andExpect(status().isUnprocessableContent());
        publish(policy("\"agencyCode\": \"000.99.99.H29\"", "ONLINE_FIRST", from, null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-agency"));
        publish(policy("\"provinceCode\": \"Z99\"", "ONLINE_FIRST", from, null)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-province"));
        publish(policy("\"provinceCode\": \"hanoi\"", "ONLINE_FIRST", from, null)).andExpect(status().isBadRequest());
        publish(policy("\"agencyCode\": \"" + VAN_BINH + "\"", "CLOSED", from, null)).andExpect(status().isBadRequest());
        publish(policy("\"agencyCode\": \"" + VAN_BINH + "\"", "ONLINE_FIRST", from, from.minusDays(1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:channel-policy-ends-before-it-starts"));
        publish(policy("\"agencyCode\": \"" + VAN_BINH + "\"", "ONLINE_FIRST", from, null).replace("2020-03-20", "2999-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:notice-dated-in-future"));
        mvc.perform(get("/api/v1/public/channel-policies/in-force").param("agencyCode", "nope"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-agency"))
                .andExpect(jsonPath("$.agencyCode").value("nope"));
        mvc.perform(get("/api/v1/public/channel-policies/no-such-policy")).andExpect(status().isNotFound());

        String body = policy("\"agencyCode\": \"" + VAN_BINH + "\"", "ONLINE_FIRST", from, from);
        mvc.perform(post("/api/v1/channel-policies").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        for (var who : List.of(citizen(CITIZEN_1), officer(VAN_BINH), leader(VAN_BINH))) {
            mvc.perform(post("/api/v1/channel-policies").contentType(MediaType.APPLICATION_JSON).content(body).with(who))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(put("/api/v1/channel-policies/x").header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"agencyCode\": \"" + VAN_BINH + "\", ", "")).with(leader(VAN_BINH)))
                .andExpect(status().isForbidden());
        rule(VAN_BINH, "2019-01-01").andExpect(jsonPath("$.rule").value("APPLICANT_CHOOSES"));
    }
}
