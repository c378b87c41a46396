package vn.motcua.dossier.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.specialist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/** Citizens' feedback (phản ánh, kiến nghị): filed on their own dossier or an agency, answered once, in time or flagged. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class FeedbackIT {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DeadlinePolicy deadlines;
    @Autowired
    AggregateStore store;

    private ResultActions file(String body, RequestPostProcessor who) throws Exception {
        return file(body, UUID.randomUUID().toString(), who);
    }

    private ResultActions file(String body, String key, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Idempotency-Key", key).with(who));
    }

    private JsonNode report() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/statistics").param("from", TODAY).param("to", TODAY)
                .with(leader(AGENCY_THUONG_TIN))).andReturn().getResponse().getContentAsString()).get(0);
    }

    @Test
    void aCitizenFilesFeedbackOnTheirDossierAndTheAgencyAnswersItOnce() throws Exception {
        String code = new DossierFlow(mvc, json).submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        String body = "{\"dossierCode\": \"" + code + "\", \"kind\": \"PHAN_ANH\", \"text\": \"Hồ sơ chưa được tiếp nhận\"}";
        long stored = mongo.count(new Query(), Feedback.class);
        // A dossier named in the body is a reference: another's is refused as one that does not exist, naming it.
        file(body, citizen(CITIZEN_2)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-dossier"))
                .andExpect(jsonPath("$.dossierCode").value(code));
        file(body.replace(code, "000.00.00.H00-261130-9999"), citizen(CITIZEN_2)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-dossier"));
        assertThat(mongo.count(new Query(), Feedback.class))
                .as("another citizen's dossier, or none: nothing filed").isEqualTo(stored);

        String created = file(body, citizen(CITIZEN_1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.agencyCode").value(AGENCY_THUONG_TIN))
                .andExpect(jsonPath("$.overdue").value(false))
                .andReturn().getResponse().getContentAsString();
        JsonNode filed = json.readTree(created);
        String id = filed.get("id").asString();
        assertThat(LocalDate.parse(filed.get("answerDue").asString()))
                .isEqualTo(deadlines.calendar().plusWorkingDays(deadlines.countingDay(Instant.now()), 10));

        mvc.perform(get("/api/v1/feedback").param("unanswered", "true").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItem(id)));
        mvc.perform(get("/api/v1/feedback").with(officer(AGENCY_JUSTICE)))
                .andExpect(jsonPath("$[*].id").value(Matchers.not(Matchers.hasItem(id))));
        mvc.perform(get("/api/v1/feedback/" + id).with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/feedback/" + id).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());

        String answer = "{\"text\": \"Hồ sơ đã được tiếp nhận chiều nay\"}";
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").contentType(MediaType.APPLICATION_JSON).content(answer)
                .with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        // Whatever another agency's officer sends, and to feedback that does not exist: 404 before the body is read.
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/feedback/no-such-feedback/answer").contentType(MediaType.APPLICATION_JSON).content("{\"text\": ")
                .with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").contentType(MediaType.APPLICATION_JSON).content(answer)
                .with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").contentType(MediaType.APPLICATION_JSON).content(answer)
                .with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").contentType(MediaType.APPLICATION_JSON).content(answer)
                .with(leader(AGENCY_THUONG_TIN))).andExpect(status().isOk()).andExpect(jsonPath("$.answeredBy").exists());
        mvc.perform(post("/api/v1/feedback/" + id + "/answer").contentType(MediaType.APPLICATION_JSON).content(answer)
                .with(officer(AGENCY_THUONG_TIN))).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/feedback").with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].answer").value(Matchers.hasItem("Hồ sơ đã được tiếp nhận chiều nay")));
        // Announced for the notification service: filed, then answered in time, once each.
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> ("feedback-" + id).equals(r.key()), 3, Duration.ofSeconds(10)))
                .extracting(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE) + " " + json.readTree(r.value()).path("late"))
                .containsExactly("FeedbackFiled ", "FeedbackAnswered false");
    }

    @Test
    void unansweredFeedbackPastItsDayIsFlaggedAndCountedInTheStatistics() throws Exception {
        JsonNode before = report();
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        Feedback late = store.insert(Feedback.filed(UUID.randomUUID().toString(), CITIZEN_1, AGENCY_THUONG_TIN, null,
                Feedback.Kind.KIEN_NGHI, "Đề nghị mở thêm quầy", monthAgo, LocalDate.now().minusDays(10)));
        file("{\"agencyCode\": \"" + AGENCY_THUONG_TIN + "\", \"kind\": \"KIEN_NGHI\", \"text\": \"Đề nghị làm việc sáng thứ Bảy\"}",
                citizen(CITIZEN_2)).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/feedback/" + late.id()).with(leader(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$.overdue").value(true));
        // The statistics follow the events: give the projection the moment it takes.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = report();
            assertThat(after.get("feedbackOverdue").asLong()).isEqualTo(before.get("feedbackOverdue").asLong() + 1);
            assertThat(after.get("feedbackReceived").asLong()).as("filed today; the late one was filed a month ago")
                    .isEqualTo(before.get("feedbackReceived").asLong() + 1);
        });
    }

    @Test
    void anAgencyPagesThroughItsFeedbackNewestFirstAndThroughWhatIsStillToAnswerSoonestDueFirst() throws Exception {
        String agency = "000.77." + (System.nanoTime() % 100) + "." + (System.nanoTime() % 97) + ".H29";
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        Feedback oldest = file(agency, now.minus(Duration.ofDays(3)), today.plusDays(20));
        Feedback soonestDue = file(agency, now.minus(Duration.ofDays(2)), today.plusDays(1));
        Feedback newest = file(agency, now.minus(Duration.ofDays(1)), today.plusDays(10));

        assertThat(ids("/api/v1/feedback?size=2", agency)).containsExactly(newest.id(), soonestDue.id());
        assertThat(ids("/api/v1/feedback?size=2&page=1", agency)).containsExactly(oldest.id());
        assertThat(ids("/api/v1/feedback?unanswered=true&size=2", agency)).containsExactly(soonestDue.id(), newest.id());
        assertThat(ids("/api/v1/feedback?unanswered=true&size=2&page=1", agency)).containsExactly(oldest.id());
        mvc.perform(get("/api/v1/feedback?size=201").with(officer(agency))).andExpect(status().isBadRequest());
        assertThat(ids("/api/v1/feedback?size=200", AGENCY_JUSTICE)).doesNotContain(oldest.id(), soonestDue.id(), newest.id());
    }

    private Feedback file(String agency, Instant filedAt, LocalDate answerDue) {
        return store.insert(Feedback.filed(UUID.randomUUID().toString(), CITIZEN_1, agency, null, Feedback.Kind.PHAN_ANH,
                "Thái độ phục vụ", filedAt, answerDue));
    }

    private List<String> ids(String path, String agency) throws Exception {
        List<String> ids = new ArrayList<>();
        json.readTree(mvc.perform(get(path).with(officer(agency))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).forEach(feedback -> ids.add(feedback.get("id").asString()));
        return ids;
    }

    @Test
    void badFeedbackIsRefusedAndOnlyCitizensFileIt() throws Exception {
        file("{\"kind\": \"PHAN_ANH\", \"text\": \"x\"}", citizen(CITIZEN_1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:feedback-target-missing"));
        file("{\"agencyCode\": \"000.99.99.H29\", \"kind\": \"PHAN_ANH\", \"text\": \"x\"}", citizen(CITIZEN_1))
                .andExpect(status().isUnprocessableContent());
        file("{\"agencyCode\": \"" + AGENCY_THUONG_TIN + "\", \"kind\": \"KHIEU_NAI\", \"text\": \"x\"}", citizen(CITIZEN_1))
                .andExpect(status().isBadRequest());
        file("{\"agencyCode\": \"" + AGENCY_THUONG_TIN + "\", \"kind\": \"PHAN_ANH\", \"text\": \"\"}", citizen(CITIZEN_1))
                .andExpect(status().isBadRequest());
        String valid = "{\"agencyCode\": \"" + AGENCY_THUONG_TIN + "\", \"kind\": \"PHAN_ANH\", \"text\": \"x\"}";
        file(valid, officer(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content(valid))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/feedback").with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
    }

    @Test
    void aFilingSentAgainUnderItsKeyIsFiledOnce() throws Exception {
        String body = "{\"agencyCode\": \"" + AGENCY_JUSTICE + "\", \"kind\": \"KIEN_NGHI\", \"text\": \"Gửi lại vì mạng chậm\"}";
        String key = UUID.randomUUID().toString();
        String first = json.readTree(file(body, key, citizen(CITIZEN_2)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        file(body, key, citizen(CITIZEN_2)).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(first));
        file(body.replace("chậm", "chậm quá"), key, citizen(CITIZEN_2)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-reused"));
        mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content(body).with(citizen(CITIZEN_2)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));
        assertThat(json.readTree(mvc.perform(get("/api/v1/feedback").with(citizen(CITIZEN_2))).andReturn().getResponse()
                .getContentAsString()).valueStream().filter(feedback -> feedback.get("text").asString().startsWith("Gửi lại"))
                .count()).isEqualTo(1);
    }
}
