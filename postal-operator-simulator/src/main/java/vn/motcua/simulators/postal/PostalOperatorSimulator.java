package vn.motcua.simulators.postal;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A postal operator's system, as a process of its own: it reads the shipments asked of it from its
 * own topic with its own consumer group and reports their progress through the operator API. On
 * start it first takes up the shipments the platform lists as still under way, so a restart loses
 * none (its report ids repeat, and the platform applies a report once).
 */
public final class PostalOperatorSimulator {
    private static final Logger log = LoggerFactory.getLogger(PostalOperatorSimulator.class);
    private static final List<String> DONE = List.of("DELIVERED", "RETURNED_TO_SENDER");
    /**
     * What the postman collects from the citizen and brings to the agency, by the shipment's purpose (on the topic) or kind (in
     * the platform's list); everything else, results and originals going back, goes from the agency to a door.
     */
    private static final List<String> TO_THE_AGENCY = List.of("DOSSIER_PICKUP", "PAPER_ORIGINALS");

    private PostalOperatorSimulator() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        OperatorApi api = new OperatorApi(settings, json);
        try (Courier courier = new Courier(settings, api, new Cashier(settings.operator(), api));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(settings))) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            // The topic is read at once; the shipments already under way are taken up beside it.
            Thread.ofVirtual().name("resume").start(() -> resume(api, courier));
            consumer.subscribe(List.of(settings.topic()));
            log.info("Operator {} reads {} and reports to {}", settings.operator(), settings.topic(), settings.api());
            while (true) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        handle(record, json, courier);
                    }
                } catch (AuthenticationException | AuthorizationException refused) {
                    // A token the realm no longer issues, or a topic the ACLs do not allow: say so and try again later.
                    log.error("The broker refused operator {}: {}", settings.operator(), refused.toString());
                    Thread.sleep(5_000);
                }
            }
        } catch (WakeupException stopping) {
            log.info("Operator simulator stopped");
        }
    }

    private static Map<String, Object> consumerConfig(Settings settings) {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                // The broker lets an operator use only consumer groups named after it.
                ConsumerConfig.GROUP_ID_CONFIG, settings.operator() + "-simulator",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        if (settings.oauthBearer()) {
            config.putAll(OperatorCredentials.kafka(settings.tokenUrl().toString(), settings.operator(), settings.secret()));
        }
        return config;
    }

    /**
     * @param purposeOrKind a shipment's purpose on the topic, or its kind in the platform's list
     * @return the postman collects it from the citizen for the agency; otherwise he brings it from the agency to a door
     */
    static boolean toTheAgency(String purposeOrKind) {
        return TO_THE_AGENCY.contains(purposeOrKind);
    }

    static void handle(ConsumerRecord<String, String> record, JsonMapper json, Courier courier) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            log.warn("Record without ce_type at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        try {
            JsonNode event = json.readTree(record.value());
            switch (new String(type.value())) {
                case "ShipmentRequested" -> courier.take(new Shipment(event.get("shipmentId").asString(),
                        event.get("itemId").asString(), toTheAgency(text(event, "purpose")), text(event, "agencyCode"),
                        text(event, "recipientName"), text(event, "recipientPhone"), event.path("cashOnDelivery").asLong()));
                case "ShipmentAddressConfirmed" -> courier.redirect(event.get("itemId").asString(), text(event, "address"));
                case "ShipmentCancelled" -> courier.cancel(event.get("itemId").asString());
                case "ShipmentCashOnDeliveryChanged" -> courier.recollect(event.get("itemId").asString(),
                        event.get("cashOnDelivery").asLong());
                default -> log.debug("{} is not for the courier", new String(type.value()));
            }
        } catch (RuntimeException unreadable) {
            log.error("Unreadable record at {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.toString());
        }
    }

    /** Takes up the shipments still under way, waiting for the platform to answer. */
    private static void resume(OperatorApi api, Courier courier) {
        for (int attempt = 1; ; attempt++) {
            try {
                int resumed = 0;
                for (JsonNode shipment : api.shipments()) {
                    if (!shipment.path("itemId").isNull() && !shipment.path("itemId").isMissingNode()
                            && !DONE.contains(shipment.get("status").asString())) {
                        courier.take(new Shipment(shipment.get("id").asString(), shipment.get("itemId").asString(),
                                toTheAgency(text(shipment, "kind")), text(shipment, "agencyCode"),
                                text(shipment, "recipientName"), text(shipment, "recipientPhone"),
                                shipment.path("cashOnDelivery").asLong()));
                        resumed++;
                    }
                }
                log.info("Took up {} shipment(s) under way", resumed);
                return;
            } catch (IOException e) {
                if (attempt == 1 || attempt % 10 == 0) {
                    log.info("Waiting for the platform to list the shipments under way: {}", e.toString());
                }
                if (attempt == 60) {
                    log.warn("The platform did not list the shipments under way ({}); going on with the topic only", e.toString());
                    return;
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
