package vn.motcua.localstack;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;

/**
 * A producer's fault, fixed by ops under load: a financial obligation (a {@code DossierFeesPriced}
 * of stage OBLIGATION) for real acknowledged dossiers, its payload cut short on the way to the
 * topic. Payment and postal park it; ops correct each letter with the whole payload and re-drive it
 * through the gateway (payment's twice, as a hurried operator would); the audit then finds exactly
 * one obligation order per dossier, before and after a replay of every topic.
 */
public final class CorrectedPoison {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long OBLIGATION_DONG = 50_000;

    /** What ops did about it: letters parked, corrected and applied by each reading service. */
    public record Fix(int planted, Map<String, Integer> parked, Map<String, Integer> corrected, Map<String, Integer> applied) {
        /** Every planted letter parked, corrected and applied by every service that reads it. */
        public boolean complete() {
            return PoisonEvents.READERS.stream().allMatch(service -> parked.getOrDefault(service, 0) == planted
                    && corrected.getOrDefault(service, 0) == planted && applied.getOrDefault(service, 0) == planted);
        }
    }

    private final StackConfig config;
    /** The whole payload of each planted obligation, by its event id. */
    private final Map<String, String> wholeByEventId = new LinkedHashMap<>();
    private final List<String> codes = new ArrayList<>();

    CorrectedPoison(StackConfig config) {
        this.config = config;
    }

    /** An obligation, cut short, for each of these dossiers: built from the dossier's own priced event on the topic. */
    void plant(List<SteadyLoad.Acknowledged> dossiers) throws Exception {
        Set<String> wanted = Set.copyOf(dossiers.stream().map(SteadyLoad.Acknowledged::code).toList());
        Map<String, JsonNode> priced = new HashMap<>();
        DossierTopic.read(config, record -> {
            String subject = DossierTopic.header(record, CloudEventHeaders.SUBJECT);
            if (wanted.contains(subject) && "DossierFeesPriced".equals(DossierTopic.header(record, CloudEventHeaders.TYPE))) {
                priced.putIfAbsent(subject, JSON.readTree(record.value()));
            }
        });
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            for (var entry : priced.entrySet()) {
                String code = entry.getKey();
                String whole = JSON.writeValueAsString(obligation(entry.getValue()));
                String eventId = UUID.randomUUID().toString();
                ProducerRecord<String, String> cut = new ProducerRecord<>(Topics.DOSSIER, code, whole.substring(0, whole.length() / 2));
                new CloudEvent(eventId, "/motcua/fault-harness", "DossierFeesPriced", 1, code, Instant.now(), "obligation-" + eventId)
                        .headers().forEach((name, value) -> cut.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(cut).get(10, TimeUnit.SECONDS);
                wholeByEventId.put(eventId, whole);
                codes.add(code);
            }
        }
    }

    /** The dossier's priced event turned into the obligation a specialist would have set. */
    private static ObjectNode obligation(JsonNode priced) {
        ObjectNode event = (ObjectNode) priced.deepCopy();
        ObjectNode line = (ObjectNode) event.get("lines").get(0).deepCopy();
        line.put("stage", "OBLIGATION").put("kind", "NGHIA_VU_TAI_CHINH").put("basis", "SET_BY_OFFICER").put("quantity", 1)
                .put("unitPrice", OBLIGATION_DONG).put("appliedUnitPrice", OBLIGATION_DONG).putNull("reduction")
                .put("amount", OBLIGATION_DONG).put("refundable", false);
        ArrayNode lines = JSON.createArrayNode().add(line);
        event.set("lines", lines);
        event.put("pricedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return event;
    }

    /** Ops find each planted letter, correct it with the whole payload and re-drive it (payment's twice). */
    Fix fix(GatewayClient gateway) throws InterruptedException {
        String ops = gateway.userToken("ops1");
        Map<String, Integer> parked = new HashMap<>();
        Map<String, Integer> corrected = new HashMap<>();
        Map<String, Integer> applied = new HashMap<>();
        for (String service : PoisonEvents.READERS) {
            Map<String, String> letters = awaitParked(gateway, ops, service, Duration.ofMinutes(2));
            parked.put(service, letters.size());
            for (var letter : letters.entrySet()) {
                String base = "/api/v1/ops/" + service + "/dead-letters/" + letter.getKey();
                String body = JSON.writeValueAsString(Map.of("value", wholeByEventId.get(letter.getValue()),
                        "reason", "The dossier service cut obligations short (fault harness); resent whole"));
                if (gateway.send(gateway.request(base + "/correction", ops).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))).status() == 200) {
                    corrected.merge(service, 1, Integer::sum);
                }
                int redrives = service.equals("payment-service") ? 2 : 1;
                boolean applies = true;
                for (int i = 0; i < redrives; i++) {
                    applies &= gateway.send(gateway.request(base + "/redrive", ops).POST(HttpRequest.BodyPublishers.noBody()))
                            .status() == 200;
                }
                applied.merge(service, applies ? 1 : 0, Integer::sum);
            }
        }
        return new Fix(planted(), parked, corrected, applied);
    }

    /** The service's dead letters of the planted events (id → event id), once it parked them all or the time is up. */
    private Map<String, String> awaitParked(GatewayClient gateway, String ops, String service, Duration within)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        Map<String, String> found = new LinkedHashMap<>();
        while (Instant.now().isBefore(giveUp)) {
            found.clear();
            GatewayClient.Response letters = gateway.get("/api/v1/ops/" + service + "/dead-letters?limit=1000", ops);
            if (letters.status() == 200) {
                for (JsonNode letter : letters.json()) {
                    String eventId = letter.path("eventId").asString();
                    if (wholeByEventId.containsKey(eventId)) {
                        found.put(letter.path("id").asString(), eventId);
                    }
                }
                if (found.size() == wholeByEventId.size()) {
                    break;
                }
            }
            Thread.sleep(1_000);
        }
        return found;
    }

    int planted() {
        return wholeByEventId.size();
    }

    List<String> dossiers() {
        return List.copyOf(codes);
    }
}
