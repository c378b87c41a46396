package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Topics;
import vn.motcua.localstack.GatewayClient;

/**
 * A poison event through the whole platform: each service that failed to read it parks it as its
 * own dead letter, ops see it through the gateway with a real token, and a re-drive of a record
 * that still cannot be read is refused and recorded.
 */
@ExtendWith(Platform.class)
class DeadLettersIT {
    private final GatewayClient gateway = Platform.client();

    @Test
    void aPoisonEventIsParkedByEachServiceThatFailedItAndOpsSeeAndReDriveIt() throws Exception {
        String eventId = UUID.randomUUID().toString();
        plantPoison(eventId);
        String ops = gateway.userToken("ops1");

        JsonNode parked = awaitDeadLetter("payment-service", ops, eventId);
        assertThat(parked.get("topic").asString()).isEqualTo(Topics.DOSSIER);
        assertThat(parked.get("reason").asString()).contains("Malformed DossierFeesPriced");
        assertThat(parked.get("status").asString()).isEqualTo("PARKED");
        assertThat(awaitDeadLetter("postal-service", ops, eventId).get("eventType").asString())
                .isEqualTo("DossierFeesPriced");
        assertThat(deadLetters("dossier-service", ops).json().toString())
                .as("the dossier-service reads its own topic for its statistics but handles no DossierFeesPriced: nothing parked")
                .doesNotContain(eventId);
        assertThat(deadLetters("notification-service", ops).json().toString()).as("it tells no DossierFeesPriced").doesNotContain(eventId);

        String id = parked.get("id").asString();
        GatewayClient.Response redrive = gateway.send(gateway.request("/api/v1/ops/payment-service/dead-letters/" + id
                + "/redrive", ops).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(redrive.status()).isEqualTo(409);
        assertThat(redrive.contentType()).startsWith("application/problem+json");
        assertThat(redrive.json().get("type").asString()).isEqualTo("urn:motcua:problem:redrive-failed");
        JsonNode after = gateway.get("/api/v1/ops/payment-service/dead-letters/" + id, ops).json();
        assertThat(after.get("status").asString()).isEqualTo("PARKED");
        assertThat(after.get("redrives").get(0).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(after.get("redrives").get(0).get("by").asString()).isEqualTo("ops1");
    }

    @Test
    void onlyOpsSeeDeadLetters() {
        for (String service : new String[] {"dossier-service", "appointment-service", "payment-service",
                "postal-service", "notification-service"}) {
            assertThat(deadLetters(service, gateway.userToken("ops1")).status()).as(service).isEqualTo(200);
            assertThat(deadLetters(service, gateway.userToken("citizen1")).status()).as(service).isEqualTo(403);
            assertThat(deadLetters(service, gateway.userToken("officer1")).status()).as(service).isEqualTo(403);
            GatewayClient.Response anonymous = deadLetters(service, null);
            assertThat(anonymous.status()).as(service).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
        }
    }

    private GatewayClient.Response deadLetters(String service, String token) {
        return gateway.get("/api/v1/ops/" + service + "/dead-letters", token);
    }

    private JsonNode awaitDeadLetter(String service, String token, String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(deadLetters(service, token).json(), eventId) != null);
        return find(deadLetters(service, token).json(), eventId);
    }

    private static JsonNode find(JsonNode letters, String eventId) {
        for (JsonNode letter : letters) {
            if (eventId.equals(letter.path("eventId").asString())) {
                return letter;
            }
        }
        return null;
    }

    /** A record whose envelope is right and whose payload is not JSON at all. */
    private static void plantPoison(String eventId) throws Exception {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.stack().config().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        String code = "000.10.20.H29-261130-P" + eventId.substring(0, 4);
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.DOSSIER, code, "{not json");
        new CloudEvent(eventId, "/motcua/system-test", "DossierFeesPriced", 1, code, Instant.now(), "poison-" + eventId)
                .headers().forEach((name, value) -> poison.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(poison).get(10, TimeUnit.SECONDS);
        }
    }
}
