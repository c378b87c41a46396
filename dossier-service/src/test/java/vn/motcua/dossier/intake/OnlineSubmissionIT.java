package vn.motcua.dossier.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.portal;
import static vn.motcua.testinfra.CallerMother.withRoles;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.testinfra.AbandonedRequests;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class OnlineSubmissionIT {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    MockMvc mvc;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    private static MockHttpServletRequestBuilder submission(String body) {
        return post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).content(body);
    }

    private String submitAsCitizen1() throws Exception {
        String response = mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1)).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("code").asString();
    }

    private String submitAsCitizen1With(String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).content(body).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCitizenSubmitsADossierAndGetsANationalCodeAndAnEvent() throws Exception {
        String body = mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1)).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/dossiers/000.10.20.30.H29-")))
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andExpect(jsonPath("$.channel").value("ONLINE"))
                .andExpect(jsonPath("$.feesDue[0].amount").value(1200000))
                .andReturn().getResponse().getContentAsString();
        String code = json.readTree(body).get("code").asString();
        assertThat(code).matches("000\\.10\\.20\\.30\\.H29-\\d{6}-\\d{4}");

        ConsumerRecord<String, String> event = KafkaProbe.await(Topics.DOSSIER, record -> code.equals(record.key()),
                Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("DossierSubmitted");
        assertThat(KafkaProbe.header(event, CloudEventHeaders.DATA_VERSION)).isEqualTo("2");
        assertThat(KafkaProbe.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/motcua/dossier-service");
        assertThat(KafkaProbe.header(event, CloudEventHeaders.ID)).isNotBlank();
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("dossier").get("ownerCitizenId").asString()).isEqualTo(CITIZEN_1);
        assertThat(payload.get("dossier").get("nationalStatus").asInt()).isEqualTo(1);
        assertThat(payload.get("feeTiming").asString()).isEqualTo("INTAKE");

        // Once published, the event leaves the dossier's outbox.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> dossiers.findById(code).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void theOwnerAndStaffOfTheAgencyReadADossierButNobodyElse() throws Exception {
        String code = submitAsCitizen1();
        mvc.perform(get("/api/v1/dossiers/" + code).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value(code));
        mvc.perform(get("/api/v1/dossiers/" + code).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/dossiers/" + code).with(citizen(CITIZEN_2)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(get("/api/v1/dossiers/" + code).with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code).with(withRoles("postal1", "postal-operator")))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(get("/api/v1/dossiers/" + code))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
    }

    @Test
    void aCitizenListsOnlyTheirOwnDossiers() throws Exception {
        String code = submitAsCitizen1();
        mvc.perform(get("/api/v1/dossiers").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").exists());
        mvc.perform(get("/api/v1/dossiers").with(citizen(CITIZEN_2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").doesNotExist());
    }

    @Test
    void aPortalSubmitsOnBehalfOfTheCitizenItNames() throws Exception {
        String body = mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_2)).with(portal()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = json.readTree(body).get("code").asString();
        mvc.perform(get("/api/v1/dossiers/" + code).with(citizen(CITIZEN_2))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dossiers/" + code).with(citizen(CITIZEN_1))).andExpect(status().isNotFound());
    }

    @Test
    void onlyCitizensAndPortalsSubmit() throws Exception {
        long before = dossiers.count();
        mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1)).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1)))
                .andExpect(status().isUnauthorized());
        mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_2)).with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:applicant-not-caller"));
        assertThat(dossiers.count()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() throws Exception {
        long before = dossiers.count();
        mvc.perform(submission("{\"procedureCode\": ").with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:malformed-body"));
        mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1)
                        .replace("\"2.000018\"", "{\"$ne\": null}")).with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        // Which procedure is this? A portal that checked the first copy and a reader that keeps the last disagree.
        mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1)
                        .replace("\"procedureCode\": \"2.000018\"", "\"procedureCode\": \"2.000018\", \"procedureCode\": \"1.000001\""))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:duplicate-field"))
                .andExpect(jsonPath("$.field").value("procedureCode"));
        // A Cyrillic "а" in "Văn": it reads as the name on the card, and no register or search would find it.
        mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1).replace("\"Nguyễn Văn An\"", "\"Nguyễn V\u0430n An\""))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("applicant.fullName"));
        mvc.perform(submission(SubmissionMother.liquorLicenceFor("12345")).with(citizen("12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"));
        mvc.perform(submission(SubmissionMother.body("9.999999", AGENCY_THUONG_TIN, CITIZEN_1, "a@example.com"))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-procedure"));
        mvc.perform(submission(SubmissionMother.body("2.000018", AGENCY_JUSTICE, CITIZEN_1, "a@example.com"))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:procedure-not-handled-by-agency"));
        mvc.perform(submission(SubmissionMother.body("1.000001", AGENCY_THUONG_TIN, CITIZEN_1, "not-an-email"))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest());
        // Typed with the keyboard in Telex mode: "thanhs" became "thánh". The mail relay would refuse every message to it.
        mvc.perform(submission(SubmissionMother.body("2.000018", AGENCY_THUONG_TIN, CITIZEN_1, "thánh@gmail.com"))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("applicant.email"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("keyboard typing Vietnamese")));
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .content(SubmissionMother.liquorLicenceFor(CITIZEN_1)).with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));
        // A name that would print reversed on the receipt, a NUL, half an emoji: none is a person's text. A portal
        // that sends a number or true as a name has a bug: it is told which field, and nothing is stored as "true".
        Map<String, String> refusedNames = Map.of("\"Nguy\\u202e\u1ec5n\"", "character-not-accepted", "\"Nguy\\u0000en\"",
                "character-not-accepted", "\"An \\ud83d\"", "character-not-accepted", "0", "malformed-body", "1e308", "malformed-body",
                "true", "malformed-body");
        for (Map.Entry<String, String> name : refusedNames.entrySet()) {
            mvc.perform(submission(SubmissionMother.liquorLicenceFor(CITIZEN_1).replace("\"Nguyễn Văn An\"", name.getKey()))
                            .with(citizen(CITIZEN_1)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:" + name.getValue()))
                    .andExpect(jsonPath("$.field").value("applicant.fullName"));
        }
        assertThat(dossiers.count()).isEqualTo(before);
    }

    @Test
    void aNameTypedWithCombiningMarksAndPastedWithInvisibleCharactersIsStoredAsItReads() throws Exception {
        String decomposed = SubmissionMother.liquorLicenceFor(CITIZEN_1).replace("Nguyễn Văn An",
                "\ufeffNguye\u0302\u0303n\u200b Va\u0306n\u00ad An");

        String body = mvc.perform(submission(decomposed).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.applicant.fullName").value("Nguyễn Văn An"))
                .andReturn().getResponse().getContentAsString();

        String code = json.readTree(body).get("code").asString();
        assertThat(dossiers.findById(code).orElseThrow().applicant().fullName()).isEqualTo("Nguyễn Văn An").hasSize(13);
    }

    @Test
    void theSameIdempotencyKeyCreatesOneDossier() throws Exception {
        long before = dossiers.count();
        String key = UUID.randomUUID().toString();
        String body = SubmissionMother.liquorLicenceFor(CITIZEN_1);
        String first = submitAsCitizen1With(key, body);
        String second = mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).content(body).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(second).get("code")).isEqualTo(json.readTree(first).get("code"));
        assertThat(dossiers.count()).isEqualTo(before + 1);

        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).content(body.replace("0912345678", "0987654321"))
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-reused"));
        assertThat(dossiers.count()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeySentTwiceIsRefusedNamingTheHeaderAndStoresNothing() throws Exception {
        long before = dossiers.count();
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString(), UUID.randomUUID().toString())
                        .content(SubmissionMother.liquorLicenceFor(CITIZEN_1)).with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:repeated-header"))
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(dossiers.count()).isEqualTo(before);
    }

    @Test
    void aRetryAfterTheProcessDiedBetweenStoringTheDossierAndAnsweringGetsThatDossierNotASecond() throws Exception {
        long before = dossiers.count();
        String key = UUID.randomUUID().toString();
        String body = SubmissionMother.liquorLicenceFor(CITIZEN_1);
        String first = submitAsCitizen1With(key, body);
        // As a kill -9 after the dossier's insert leaves it: the key in progress, no answer recorded, its lease run out.
        AbandonedRequests.diedBeforeAnswering(mongo.getDb(), key);

        String retried = submitAsCitizen1With(key, body);

        assertThat(json.readTree(retried).get("code")).isEqualTo(json.readTree(first).get("code"));
        assertThat(dossiers.count()).isEqualTo(before + 1);
    }

    @Test
    void proceduresNotOfferedOnlineAndResultsThatMustBeSignedForAreRefused() throws Exception {
        mvc.perform(submission(SubmissionMother.body("1.000002", AGENCY_THUONG_TIN, CITIZEN_1, "a@example.com")
                        .replace("}}", "}, \"resultDelivery\": \"POST\"}")).with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:result-not-by-post"));
    }

    @Test
    void theCatalogIsSearchable() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("name", "khai sinh").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("1.000001"));
        mvc.perform(get("/api/v1/procedures")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/procedures/0.000000").with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFeesArePricedForTheDossierAndAnnouncedForThePaymentService() throws Exception {
        String residence = SubmissionMother.body("1.000017", AGENCY_THUONG_TIN, CITIZEN_1, "a@example.com");
        String created = mvc.perform(submission(residence).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.feeLines[0].unitPrice").value(20000))
                .andExpect(jsonPath("$.feeLines[0].appliedUnitPrice").value(10000))
                .andExpect(jsonPath("$.feeLines[0].reduction").value("ONLINE"))
                .andExpect(jsonPath("$.feesDue[0].amount").value(10000))
                .andReturn().getResponse().getContentAsString();
        String code = json.readTree(created).get("code").asString();
        ConsumerRecord<String, String> priced = KafkaProbe.await(Topics.DOSSIER, record -> code.equals(record.key())
                && "DossierFeesPriced".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
        JsonNode line = json.readTree(priced.value()).at("/lines/0");
        assertThat(line.get("stage").asString()).isEqualTo("INTAKE");
        assertThat(line.get("basis").asString()).isEqualTo("DOSSIER");
        assertThat(line.get("amount").asLong()).isEqualTo(10000);
        assertThat(line.get("catalogVersion").asInt()).isEqualTo(1);

        // A student's criminal record extract costs half; a category the procedure does not reduce for is refused.
        String record = SubmissionMother.body("1.000007", AGENCY_JUSTICE, CITIZEN_1, "a@example.com");
        mvc.perform(submission(record.replaceFirst("\\{", "{\"feeReduction\": \"SINH_VIEN\", ")).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.feeLines[0].amount").value(100000));
        long before = dossiers.count();
        mvc.perform(submission(record.replaceFirst("\\{", "{\"feeReduction\": \"HO_NGHEO\", ")).with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:reduction-not-applicable"));
        mvc.perform(submission(record.replaceFirst("\\{", "{\"feeReduction\": \"sinh viên\", ")).with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest());
        assertThat(dossiers.count()).as("nothing registered").isEqualTo(before);
    }
}
