package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.localstack.GatewayClient;

/**
 * Kafka delivers at least once: a DossierSubmitted and the DossierFeesPriced it came with, seen twice,
 * must still mean one payment order and one notification.
 */
@ExtendWith(Platform.class)
class RedeliveryIT {
    private final GatewayClient gateway = Platform.client();

    @Test
    void aDossierSubmittedDeliveredTwiceOpensOnePaymentOrderAndSendsOneNotification() throws Exception {
        String token = gateway.userToken("citizen1");
        String code = gateway.post("/api/v1/dossiers", token, DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString()).json().get("code").asString();
        // Submitted, fee requested, return address to confirm (the result goes by post).
        Observations.awaitNotifications(gateway, token, code, 3);

        redeliver(eventOf(code, "DossierSubmitted"));
        RecordMetadata again = redeliver(eventOf(code, "DossierFeesPriced"));
        awaitConsumed(again, "payment-service", "notification-service", "appointment-service", "postal-service");

        assertThat(gateway.get("/api/v1/payments?dossier=" + code, token).json()).hasSize(1);
        assertThat(Observations.notificationsAbout(gateway.get("/api/v1/notifications", token).json(), code)).isEqualTo(3);
        assertThat(Observations.about(Observations.zaloTo("84912345678"), code)).isEqualTo(3);
    }

    private String bootstrap() {
        return Platform.stack().config().kafkaBootstrap();
    }

    private ConsumerRecord<String, String> eventOf(String code, String type) {
        return Observations.dossierEvents(code, 2).stream()
                .filter(record -> type.equals(Observations.header(record, CloudEventHeaders.TYPE)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + type + " for " + code + " on " + Topics.DOSSIER));
    }

    private RecordMetadata redeliver(ConsumerRecord<String, String> original) throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            return producer.send(new ProducerRecord<>(original.topic(), original.partition(), original.key(),
                    original.value(), original.headers())).get(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until every consumer group has committed past the redelivered record, i.e. has handled it. */
    private void awaitConsumed(RecordMetadata record, String... groups) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            for (String group : groups) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
                    return committed != null && committed.offset() > record.offset();
                });
            }
        }
    }

}
