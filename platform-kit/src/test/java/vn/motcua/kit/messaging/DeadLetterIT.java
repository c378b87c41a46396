package vn.motcua.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.kit.deadletter.DeadLetter;
import vn.motcua.kit.testapp.FlakyOrders;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.kit.testapp.KitTestOrder;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest(classes = KitTestApplication.class, properties = {"spring.application.name=kit-dead-letter-test",
        "motcua.kafka.retry.initial-interval=50ms", "motcua.kafka.retry.max-interval=200ms",
        "motcua.kafka.retry.storage-away-interval=200ms"})
@AutoConfigureMockMvc
@InfrastructureTest
class DeadLetterIT {
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.DOSSIER);
    private static final String OPS_PATH = "/api/v1/ops/kit-dead-letter-test/dead-letters";

    @Autowired
    FlakyOrders handler;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc http;
    @Autowired
    JsonMapper json;

    @Test
    void anEventThatKeepsFailingIsRetriedFourTimesThenParkedOnTheDeadLetterTopic() {
        String code = FlakyOrders.FAILING_PREFIX + EventMother.newDossierCode();
        ProducerRecord<String, String> event = EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0));
        KafkaProbe.send(event);

        ConsumerRecord<String, String> parked = KafkaProbe.await(DEAD_LETTERS, r -> code.equals(r.key()), Duration.ofSeconds(30));

        assertThat(handler.attemptsFor(code)).isEqualTo(5);
        assertThat(parked.value()).isEqualTo(event.value());
        assertThat(KafkaProbe.header(parked, CloudEventHeaders.ID)).isEqualTo(KafkaProbe.header(event, CloudEventHeaders.ID));
        assertThat(KafkaProbe.header(parked, "kafka_dlt-exception-message")).contains("Downstream unavailable");
    }

    @Test
    void anEventThatFindsTheDatabaseAwayIsRetriedUntilItIsBackNeverParked() {
        String code = FlakyOrders.STORAGE_AWAY_PREFIX + EventMother.newDossierCode();
        ProducerRecord<String, String> event = EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0));
        KafkaProbe.send(event);

        try {
            // The container retries a record about every poll (5 s), whatever the shorter back-off asks.
            await().atMost(Duration.ofSeconds(90)).until(() -> mongo.findById(KitTestOrder.idFor(code), KitTestOrder.class) != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No order after " + handler.attemptsFor(code) + " attempts", e);
        }
        assertThat(handler.attemptsFor(code)).as("more attempts than the retries before a dead letter")
                .isEqualTo(FlakyOrders.STORAGE_AWAY_ATTEMPTS + 1);
        assertThat(mongo.count(new Query(where("eventId").is(KafkaProbe.header(event, CloudEventHeaders.ID))), DeadLetter.class))
                .as("not parked").isZero();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithoutRetriesAndTheNextOneIsApplied() {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> wellFormed = EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0));
        KafkaProbe.send(new ProducerRecord<>(wellFormed.topic(), null, code, "{not json", wellFormed.headers()));
        String next = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(next, "001090000001", 0)));

        ConsumerRecord<String, String> parked = KafkaProbe.await(DEAD_LETTERS, r -> code.equals(r.key()), Duration.ofSeconds(30));

        assertThat(parked.value()).isEqualTo("{not json");
        assertThat(handler.attemptsFor(code)).isZero();
        assertThat(KafkaProbe.header(parked, "kafka_dlt-exception-message")).contains("Malformed DossierSubmitted");
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(KitTestOrder.idFor(next), KitTestOrder.class) != null);
    }

    @Test
    void opsSeeADeadLetterAndReDriveItAfterTheFixWithItsEffectOnce() throws Exception {
        String code = FlakyOrders.FAILING_PREFIX + EventMother.newDossierCode();
        ProducerRecord<String, String> event = EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0));
        KafkaProbe.send(event);
        DeadLetter parked = awaitParked(KafkaProbe.header(event, CloudEventHeaders.ID));

        http.perform(get(OPS_PATH).param("status", "PARKED").with(CallerMother.ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].eventType", parked.id()).value("DossierSubmitted"))
                .andExpect(jsonPath("$[?(@.id == '%s')].reason", parked.id()).value(Matchers.hasItem(
                        Matchers.containsString("Downstream unavailable"))));
        http.perform(get(OPS_PATH + "/" + parked.id()).with(CallerMother.ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headers.ce_id").value(KafkaProbe.header(event, CloudEventHeaders.ID)))
                .andExpect(jsonPath("$.firstFailedAt").isNotEmpty())
                .andExpect(jsonPath("$.lastFailedAt").isNotEmpty());

        // Not fixed yet: the re-drive fails, is recorded, and the letter stays parked.
        http.perform(post(OPS_PATH + "/" + parked.id() + "/redrive").with(CallerMother.ops()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:redrive-failed"));

        handler.fix(code);
        http.perform(post(OPS_PATH + "/redrive").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"" + parked.id() + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attempted").value(1))
                .andExpect(jsonPath("$.applied").value(1));
        http.perform(post(OPS_PATH + "/" + parked.id() + "/redrive").with(CallerMother.ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REDRIVEN"))
                .andExpect(jsonPath("$.redrives.length()").value(3))
                .andExpect(jsonPath("$.redrives[0].outcome").value("FAILED"))
                .andExpect(jsonPath("$.redrives[1].outcome").value("APPLIED"))
                .andExpect(jsonPath("$.redrives[1].by").value("ops1"));

        assertThat(mongo.count(new Query(where("dossierCode").is(code)), KitTestOrder.class)).isEqualTo(1);
        assertThat(handler.attemptsFor(code)).isEqualTo(5 + 3);
    }

    @Test
    void aMalformedEventCorrectedByOpsIsAppliedOnceByItsReDriveAndTheOriginalIsKept() throws Exception {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> wellFormed = EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0));
        // The producer's fault: the payload cut short. Nothing a re-drive of it as it is could apply.
        String truncated = wellFormed.value().substring(0, wellFormed.value().length() / 2);
        KafkaProbe.send(new ProducerRecord<>(wellFormed.topic(), null, code, truncated, wellFormed.headers()));
        DeadLetter parked = awaitParked(KafkaProbe.header(wellFormed, CloudEventHeaders.ID));
        String path = OPS_PATH + "/" + parked.id();

        http.perform(post(path + "/correction").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                        .content(correction(truncated + "\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:correction-not-json"));
        http.perform(post(path + "/correction").with(CallerMother.officer(CallerMother.AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content(correction(wellFormed.value()))).andExpect(status().isForbidden());
        http.perform(post(path + "/correction").contentType(MediaType.APPLICATION_JSON).content(correction(wellFormed.value())))
                .andExpect(status().isUnauthorized());
        assertThat(mongo.findById(parked.id(), DeadLetter.class).correction()).as("nothing changed by refused corrections").isNull();

        http.perform(post(path + "/correction").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                        .content(correction(wellFormed.value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PARKED"))
                .andExpect(jsonPath("$.value").value(truncated))
                .andExpect(jsonPath("$.correction.by").value("ops1"))
                .andExpect(jsonPath("$.correction.reason").value("Producer cut the payload short; resent whole"));
        http.perform(post(path + "/redrive").with(CallerMother.ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REDRIVEN"));
        http.perform(post(path + "/redrive").with(CallerMother.ops())).andExpect(status().isOk());

        assertThat(mongo.count(new Query(where("dossierCode").is(code)), KitTestOrder.class)).as("applied once").isEqualTo(1);
        http.perform(post(path + "/correction").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                        .content(correction(wellFormed.value())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:already-redriven"));
        http.perform(post(OPS_PATH + "/dossier.events-0@999999999/correction").with(CallerMother.ops())
                .contentType(MediaType.APPLICATION_JSON).content(correction(wellFormed.value()))).andExpect(status().isNotFound());
    }

    private static String correction(String value) {
        return JsonMapper.builder().build().writeValueAsString(
                Map.of("value", value, "reason", "Producer cut the payload short; resent whole"));
    }

    @Test
    void onlyOpsSeeOrReDriveDeadLetters() throws Exception {
        http.perform(get(OPS_PATH)).andExpect(status().isUnauthorized());
        http.perform(get(OPS_PATH).with(CallerMother.citizen(CallerMother.CITIZEN_1))).andExpect(status().isForbidden());
        http.perform(get(OPS_PATH).with(CallerMother.officer(CallerMother.AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        http.perform(post(OPS_PATH + "/redrive").with(CallerMother.leader(CallerMother.AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        http.perform(post(OPS_PATH + "/dossier.events-0@1/redrive").with(CallerMother.portal()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownOrMalformedDeadLetterIdIsAClientError() throws Exception {
        http.perform(post(OPS_PATH + "/dossier.events-0@999999999/redrive").with(CallerMother.ops()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get(OPS_PATH + "/$where").with(CallerMother.ops())).andExpect(status().isBadRequest());
        http.perform(post(OPS_PATH + "/redrive").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ids\": [\"{\\\"$ne\\\": null}\"]}")).andExpect(status().isBadRequest());
    }

    @Test
    void aFieldTheApiDoesNotTakeIsRefusedNamingIt() throws Exception {
        http.perform(post(OPS_PATH + "/redrive").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\": \"dossier.events\", \"$where\": \"sleep(1000)\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-field"))
                .andExpect(jsonPath("$.field").value("$where"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingItWhicheverCopyAReaderWouldKeep() throws Exception {
        ProducerRecord<String, String> event = EventMother.record(EventMother.dossierSubmitted(
                FlakyOrders.FAILING_PREFIX + EventMother.newDossierCode(), "001090000001", 0));
        KafkaProbe.send(event);
        DeadLetter parked = awaitParked(KafkaProbe.header(event, CloudEventHeaders.ID));

        http.perform(post(OPS_PATH + "/redrive").with(CallerMother.ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"dossier.events-0@999999999\"], \"ids\": [\"" + parked.id() + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:duplicate-field"))
                .andExpect(jsonPath("$.field").value("ids"));

        assertThat(mongo.findById(parked.id(), DeadLetter.class).status()).isEqualTo(DeadLetter.Status.PARKED);
    }

    @Test
    void theDeadLettersAreListedOldestFirstAPageAtATime() throws Exception {
        for (int i = 0; i < 2; i++) {
            ProducerRecord<String, String> event = EventMother.record(EventMother.dossierSubmitted(
                    FlakyOrders.FAILING_PREFIX + EventMother.newDossierCode(), "001090000001", 0));
            KafkaProbe.send(event);
            awaitParked(KafkaProbe.header(event, CloudEventHeaders.ID));
        }
        List<String> firstTwo = ids(OPS_PATH + "?status=PARKED&limit=2");
        assertThat(firstTwo).hasSize(2);
        assertThat(ids(OPS_PATH + "?status=PARKED&limit=1&page=0")).containsExactly(firstTwo.get(0));
        assertThat(ids(OPS_PATH + "?status=PARKED&limit=1&page=1")).containsExactly(firstTwo.get(1));
        http.perform(get(OPS_PATH + "?page=-1").with(CallerMother.ops())).andExpect(status().isBadRequest());
    }

    private List<String> ids(String path) throws Exception {
        List<String> ids = new ArrayList<>();
        json.readTree(http.perform(get(path).with(CallerMother.ops())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).forEach(letter -> ids.add(letter.get("id").asString()));
        return ids;
    }

    @Test
    void aParameterGivenTwiceIsRefusedNamingIt() throws Exception {
        for (String name : List.of("limit", "topic", "status")) {
            String[] values = "limit".equals(name) ? new String[] {"10", "500"}
                    : "topic".equals(name) ? new String[] {Topics.DOSSIER, Topics.PAYMENT} : new String[] {"PARKED", "REDRIVEN"};
            http.perform(get(OPS_PATH).param(name, values).with(CallerMother.ops()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:repeated-parameter"))
                    .andExpect(jsonPath("$.field").value(name))
                    .andExpect(jsonPath("$.detail").value("The parameter " + name + " is given 2 times; give it once"));
            http.perform(get(OPS_PATH).param(name, values[0]).with(CallerMother.ops())).andExpect(status().isOk());
        }
        http.perform(get(OPS_PATH + "?limit=10&limit=500")).andExpect(status().isUnauthorized());
    }

    @Test
    void aParameterTheEndpointDoesNotTakeIsRefusedNamingItAndThoseItTakes() throws Exception {
        // A typo of "limit": ignored, it listed 100 where the caller asked for 5.
        http.perform(get(OPS_PATH).param("lmit", "5").with(CallerMother.ops()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-parameter"))
                .andExpect(jsonPath("$.field").value("lmit"))
                .andExpect(jsonPath("$.detail").value("The parameter lmit is not one this endpoint takes. This endpoint takes limit,"
                        + " page, status, topic"));
        // A name that is not plain text is not repeated back.
        http.perform(get(OPS_PATH).param("li\u202emit", "5").with(CallerMother.ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-parameter"))
                .andExpect(jsonPath("$.field").doesNotExist())
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("\u202e"))));
        http.perform(get(OPS_PATH + "/" + "dossier.events-0@1").param("verbose", "true").with(CallerMother.ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The parameter verbose is not one this endpoint takes. This endpoint takes no"
                        + " parameters"));
        http.perform(get(OPS_PATH).param("limit", "5").with(CallerMother.ops())).andExpect(status().isOk());
    }

    @Test
    void aParameterOfTheWrongTypeOrMissingIsAProblemNamingIt() throws Exception {
        http.perform(get(OPS_PATH).param("status", "LOST").with(CallerMother.ops()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:bad-parameter"))
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("PARKED, ")));
        // A number is read as written: not with a space inside its digits (once a limit of 12), nor in hex (once 16).
        for (String limit : List.of("1 2", "0x10", "#10", "5.0")) {
            http.perform(get(OPS_PATH).param("limit", limit).with(CallerMother.ops()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:bad-parameter"))
                    .andExpect(jsonPath("$.field").value("limit"))
                    .andExpect(jsonPath("$.detail").value("The parameter limit must be a whole number within range"));
        }
        // A direction override is refused as in any text, whatever type the parameter takes, and not echoed back.
        http.perform(get(OPS_PATH).param("status", "\u202ePARKED").with(CallerMother.ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:character-not-accepted"))
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.character").value("U+202E"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("\u202e"))));
        http.perform(post(OPS_PATH + "/redrive").with(CallerMother.ops()).contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:http-415"));
    }

    @Test
    void aDeadLetterOfAnotherServiceOnTheSharedTopicIsNotParkedHere() {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> original = EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0));
        ProducerRecord<String, String> theirs = new ProducerRecord<>(DEAD_LETTERS, null, code, original.value(), original.headers());
        theirs.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "payment-service".getBytes(StandardCharsets.UTF_8));
        theirs.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.DOSSIER.getBytes(StandardCharsets.UTF_8));
        theirs.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array());
        theirs.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(424242).array());
        KafkaProbe.send(theirs);
        String marker = FlakyOrders.FAILING_PREFIX + EventMother.newDossierCode();
        ProducerRecord<String, String> ours = EventMother.record(EventMother.dossierSubmitted(marker, "001090000001", 0));
        KafkaProbe.send(ours);

        awaitParked(KafkaProbe.header(ours, CloudEventHeaders.ID));
        assertThat(mongo.count(new Query(where("eventId").is(KafkaProbe.header(original, CloudEventHeaders.ID))), DeadLetter.class))
                .isZero();
    }

    private DeadLetter awaitParked(String eventId) {
        Query byEvent = new Query(where("eventId").is(eventId));
        await().atMost(Duration.ofSeconds(40)).until(() -> mongo.findOne(byEvent, DeadLetter.class) != null);
        return mongo.findOne(byEvent, DeadLetter.class);
    }
}
