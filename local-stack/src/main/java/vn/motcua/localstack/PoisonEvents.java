package vn.motcua.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Topics;

/**
 * Poison in the middle of the load: records on the dossier topic whose envelope says
 * {@code DossierFeesPriced} and whose payload is not JSON at all, one per partition. The services that
 * handle that event (payment and postal) must park each as a dead letter and keep reading the
 * partition behind it: the audit then finds every later submission's payment order and shipment.
 */
final class PoisonEvents {
    /** The services that read {@code DossierFeesPriced}, so each parks every poison record. */
    static final List<String> READERS = List.of("payment-service", "postal-service");

    private final StackConfig config;
    private final List<String> planted = new ArrayList<>();

    PoisonEvents(StackConfig config) {
        this.config = config;
    }

    /** Poison records until every partition has one (the keys' partitions found by trying). */
    void plant() throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            Map<Integer, String> byPartition = new HashMap<>();
            for (int i = 0; byPartition.size() < KafkaBroker.PARTITIONS && i < 1000; i++) {
                String eventId = UUID.randomUUID().toString();
                String code = "000.10.20.30.H29-261201-P" + i;
                ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.DOSSIER, code, "{not json");
                new CloudEvent(eventId, "/motcua/fault-harness", "DossierFeesPriced", 1, code, Instant.now(), "poison-" + eventId)
                        .headers().forEach((name, value) -> poison.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                int partition = producer.send(poison).get(10, TimeUnit.SECONDS).partition();
                byPartition.putIfAbsent(partition, eventId);
                planted.add(eventId);
            }
        }
    }

    int planted() {
        return planted.size();
    }

    /** The poison records each reading service parked, as ops see them. */
    Map<String, Long> parked(GatewayClient gateway) {
        String ops = gateway.userToken("ops1");
        Map<String, Long> parked = new HashMap<>();
        for (String service : READERS) {
            JsonNode letters = gateway.get("/api/v1/ops/" + service + "/dead-letters", ops).json();
            long count = 0;
            for (JsonNode letter : letters) {
                count += planted.contains(letter.path("eventId").asString()) ? 1 : 0;
            }
            parked.put(service, count);
        }
        return parked;
    }
}
