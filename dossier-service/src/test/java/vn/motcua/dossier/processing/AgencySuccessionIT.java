package vn.motcua.dossier.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * Since 1/7/2025 districts are gone: the sample's Đông Anh district names its successor commune.
 * Its open dossiers move there with their history; its closed ones stay; nothing new is filed with it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class AgencySuccessionIT {
    private static final String DISSOLVED = "000.30.20.H29";
    private static final String SUCCESSOR = "000.30.20.01.H29";
    private static final Actor OFFICER = new Actor("o", "officer-dong-anh", "officer");

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    AggregateStore store;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    DeadlinePolicy deadlines;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    /** Filed with the district before the reform. */
    private Dossier filedBeforeTheReform(boolean received) {
        return filedBeforeTheReform(DISSOLVED, received);
    }

    private Dossier filedBeforeTheReform(String agencyCode, boolean received) {
        Procedure liquor = catalog.procedure("2.000018", 1).orElseThrow();
        Agency district = catalog.agency(agencyCode).orElseThrow();
        Instant june = Instant.parse("2025-06-16T02:00:00Z");
        Dossier dossier = Dossier.submit(agencyCode + "-250616-" + UUID.randomUUID().toString().substring(0, 8), liquor,
                district, CITIZEN_1, new Applicant("Nguyễn Văn An", CITIZEN_1, "0912345678", "an@example.com", "Đông Anh"),
                Channel.ONLINE, ResultDelivery.COUNTER, liquor.price(true, 1, null, null), new Actor("c", "citizen1", "citizen"),
                june).aggregate();
        if (received) {
            dossier.receive(OFFICER, dossier.requiredDocuments(), deadlines, june);
        } else {
            dossier.refuse(OFFICER, "Không đủ điều kiện", june);
        }
        return store.insert(new Changed<>(dossier, List.of()));
    }

    @Test
    void theOpenDossiersOfADissolvedAgencyMoveToItsSuccessorWithTheirHistory() throws Exception {
        Dossier open = filedBeforeTheReform(true);
        Dossier closed = filedBeforeTheReform(false);

        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession").with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAgencyCode").value(SUCCESSOR))
                .andExpect(jsonPath("$.moved").value(Matchers.hasItem(open.code())))
                .andExpect(jsonPath("$.moved").value(Matchers.not(Matchers.hasItem(closed.code()))))
                .andExpect(jsonPath("$.failed").isEmpty());

        Dossier moved = dossiers.findById(open.code()).orElseThrow();
        assertThat(moved.agencyCode()).isEqualTo(SUCCESSOR);
        assertThat(moved.dueDate()).isEqualTo(open.dueDate());
        assertThat(moved.status()).isEqualTo(open.status());
        assertThat(moved.history()).hasSize(open.history().size() + 1);
        assertThat(moved.history().getLast().action()).isEqualTo("TRANSFER");
        assertThat(dossiers.findById(closed.code()).orElseThrow().agencyCode()).isEqualTo(DISSOLVED);
        KafkaProbe.await(Topics.DOSSIER, r -> open.code().equals(r.key())
                && "DossierTransferred".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));

        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession").with(ops()))
                .andExpect(jsonPath("$.moved").value(Matchers.not(Matchers.hasItem(open.code()))));
    }

    @Test
    void theEnvelopesWaitingAtADissolvedAgencysDeskPassToItsSuccessorOnceAndThoseDecidedStay() throws Exception {
        Instant june = Instant.parse("2025-06-20T03:00:00Z");
        String waiting = arrived(DISSOLVED, june);
        String registered = arrived(DISSOLVED, june);
        String turnedAway = arrived(DISSOLVED, june);
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(waiting, registered, turnedAway).stream()
                .allMatch(item -> envelope(item) != null));
        // Decided before the reform: registered as a dossier of the district, or turned away by its desk.
        mongo.getCollection("postal_arrivals").updateOne(new Document("_id", registered),
                new Document("$set", new Document("dossierCode", "000.30.20.H29-250620-0001")));
        mongo.getCollection("postal_arrivals").updateOne(new Document("_id", turnedAway), new Document("$set",
                new Document("turnedAway", new Document("reason", "Không có đơn").append("by", "officer-dong-anh").append("at",
                        june))));

        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession").with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.envelopesMoved").value(Matchers.hasItem(waiting)))
                .andExpect(jsonPath("$.envelopesMoved").value(Matchers.not(Matchers.hasItem(registered))))
                .andExpect(jsonPath("$.envelopesMoved").value(Matchers.not(Matchers.hasItem(turnedAway))));

        assertThat(envelope(waiting).getString("agencyCode")).isEqualTo(SUCCESSOR);
        assertThat(envelope(registered).getString("agencyCode")).isEqualTo(DISSOLVED);
        assertThat(envelope(turnedAway).getString("agencyCode")).isEqualTo(DISSOLVED);
        mvc.perform(get("/api/v1/agencies/" + SUCCESSOR + "/postal-arrivals").param("size", "100").with(officer(SUCCESSOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.itemId == '" + waiting + "')].agencyCode")
                        .value(Matchers.contains(SUCCESSOR)));
        mvc.perform(get("/api/v1/agencies/" + DISSOLVED + "/postal-arrivals").param("size", "100").with(officer(DISSOLVED)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.itemId == '" + waiting + "')]").doesNotExist());
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> ("PIC-" + waiting).equals(r.key())
                && "PaperDossierTransferred".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(5)))
                .as("once").singleElement().extracting(record -> record.value()).asString()
                .contains("\"fromAgencyCode\":\"" + DISSOLVED + "\"", "\"toAgencyCode\":\"" + SUCCESSOR + "\"");

        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession").with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.envelopesMoved").value(Matchers.not(Matchers.hasItem(waiting))));
    }

    @Test
    void anEnvelopeArrivingForAnAgencyDissolvedSinceWaitsAtItsSuccessorAtOnce() throws Exception {
        String late = arrived(DISSOLVED, Instant.now());
        String current = arrived(SUCCESSOR, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> envelope(late) != null && envelope(current) != null);

        assertThat(envelope(late).getString("agencyCode")).isEqualTo(SUCCESSOR);
        assertThat(envelope(current).getString("agencyCode")).isEqualTo(SUCCESSOR);
        assertThat(KafkaProbe.await(Topics.DOSSIER, r -> ("PIC-" + late).equals(r.key())
                && "PaperDossierTransferred".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20)).value())
                .contains("\"toAgencyCode\":\"" + SUCCESSOR + "\"", "\"itemId\":\"" + late + "\"");
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> ("PIC-" + current).equals(r.key())
                && "PaperDossierTransferred".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(5)))
                .as("an envelope for an agency in office stays put").isEmpty();
    }

    /** The post delivers an envelope it collected from a citizen's home to the agency's desk. */
    private static String arrived(String agencyCode, Instant at) {
        String item = "RR" + (100_000_000 + new Random().nextInt(800_000_000)) + "VN";
        KafkaProbe.send(EventMother.record(new PaperDossierArrived("PIC-" + item, item, agencyCode, "2.000018", CITIZEN_1,
                "Nguyễn Văn An", "0912345678", at)));
        return item;
    }

    private Document envelope(String itemId) {
        return mongo.findById(itemId, Document.class, "postal_arrivals");
    }

    @Test
    void aCommuneWhoseSuccessorWasMergedInTurnSendsCitizensDossiersAndEnvelopesOnToTheCommuneInOfficeToday() throws Exception {
        String mergedTwice = "000.10.20.03.H29"; // into xã Văn Bình on 1/1/2025, which went to xã Hồng Vân on 1/7/2025
        String holder = "000.10.20.31.H29";
        Dossier open = filedBeforeTheReform(mergedTwice, true);

        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content(SubmissionMother.body("2.000009", mergedTwice, CITIZEN_1, "a@example.com")).with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:agency-not-active"))
                .andExpect(jsonPath("$.successorCode").value(holder))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("UBND xã Hồng Vân")));

        mvc.perform(post("/api/v1/agencies/" + mergedTwice + "/succession").with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.toAgencyCode").value(holder))
                .andExpect(jsonPath("$.moved").value(Matchers.hasItem(open.code())));
        assertThat(dossiers.findById(open.code()).orElseThrow().agencyCode()).isEqualTo(holder);
        assertThat(KafkaProbe.await(Topics.DOSSIER, r -> open.code().equals(r.key())
                && "DossierTransferred".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20)).value())
                .contains("\"toAgencyName\":\"UBND xã Hồng Vân\"");

        String late = arrived(mergedTwice, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> envelope(late) != null);
        assertThat(envelope(late).getString("agencyCode")).isEqualTo(holder);
    }

    @Test
    void runsAtOnceMoveEachDossierOnceAndCallNoneFailed() throws Exception {
        List<String> open = List.of(filedBeforeTheReform(true).code(), filedBeforeTheReform(true).code(),
                filedBeforeTheReform(true).code());
        List<JsonNode> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> sent = IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> mvc.perform(
                    post("/api/v1/agencies/" + DISSOLVED + "/succession").with(ops())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString())).toList();
            for (Future<String> answer : sent) {
                answers.add(json.readTree(answer.get()));
            }
        }

        List<String> moved = answers.stream().flatMap(answer -> answer.get("moved").valueStream()).map(JsonNode::asString)
                .filter(open::contains).toList();
        assertThat(moved).as("each moved by one run").containsExactlyInAnyOrderElementsOf(open);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.get("failed").isEmpty())
                .as("a dossier another run moved is not failed: %s", answer).isTrue());
        for (String code : open) {
            Dossier dossier = dossiers.findById(code).orElseThrow();
            assertThat(dossier.agencyCode()).isEqualTo(SUCCESSOR);
            assertThat(dossier.history()).filteredOn(entry -> "TRANSFER".equals(entry.action())).hasSize(1);
        }
    }

    @Test
    void nothingNewIsFiledWithADissolvedAgencyAndOnlyOpsMoveDossiers() throws Exception {
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content(SubmissionMother.body("2.000018", DISSOLVED, CITIZEN_1, "a@example.com")).with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:agency-not-active"))
                .andExpect(jsonPath("$.successorCode").value(SUCCESSOR));

        mvc.perform(post("/api/v1/agencies/" + AGENCY_JUSTICE + "/succession").with(ops()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:agency-still-active"));
        mvc.perform(post("/api/v1/agencies/000.99.99.H29/succession").with(ops())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession").with(leader(AGENCY_JUSTICE)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession").with(citizen(CITIZEN_1)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agencies/" + DISSOLVED + "/succession")).andExpect(status().isUnauthorized());
    }
}
