package vn.motcua.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.kit.testapp.KitTestOrder;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.TestInfrastructure;

/**
 * Records handled one by one are committed together, about once a second, and the last of them
 * soon after it was handled even when nothing follows it: the broker is not asked for a commit per
 * record, and a consumer group still reads as caught up within seconds of the load's end.
 */
@SpringBootTest(classes = KitTestApplication.class, properties = {"spring.application.name=" + OffsetCommitsIT.GROUP,
        "spring.kafka.consumer.properties.interceptor.classes=vn.motcua.kit.messaging.OffsetCommitsIT$CountedCommits",
        // Not the records other tests left, some of which fail on purpose and are retried for a while.
        "spring.kafka.consumer.auto-offset-reset=latest"})
@InfrastructureTest
class OffsetCommitsIT {
    static final String GROUP = "kit-offset-commits-test";
    private static final int RECORDS = 20;

    @Autowired
    MongoTemplate mongo;

    @Test
    void recordsHandledOneByOneAreCommittedTogetherAndTheLastWithinSecondsOfItsHandling() throws Exception {
        awaitListening();
        int commitsBefore = CountedCommits.COUNT.get();

        // Far enough apart that each record comes in a poll of its own.
        Map<TopicPartition, Long> burst = send(RECORDS, Duration.ofMillis(25));
        awaitCommittedPast(burst, Duration.ofSeconds(5));

        assertThat(CountedCommits.COUNT.get() - commitsBefore).as("commits for %d records handled one by one", RECORDS)
                .isLessThanOrEqualTo(5);
    }

    /**
     * A group starting at the topic's end skips what is sent before it has taken its partitions:
     * markers go until one is handled and committed, so the count starts from a calm consumer.
     */
    private void awaitListening() throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            try {
                awaitCommittedPast(send(1, Duration.ZERO, Duration.ofSeconds(3)), Duration.ofSeconds(10));
                return;
            } catch (ConditionTimeoutException skipped) {
                // Sent before the consumer had its partitions; the next one is not.
            }
        }
        throw new AssertionError("The consumer handled no marker");
    }

    private Map<TopicPartition, Long> send(int count, Duration apart) throws Exception {
        return send(count, apart, Duration.ofSeconds(30));
    }

    /** Sends dossiers' submissions, waits for each one's order, and gives the last offset sent to each partition. */
    private Map<TopicPartition, Long> send(int count, Duration apart, Duration handledWithin) throws Exception {
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        List<String> codes = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < count; i++) {
                String code = EventMother.newDossierCode();
                codes.add(code);
                RecordMetadata sent = producer.send(EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0)))
                        .get(10, TimeUnit.SECONDS);
                lastOffsets.merge(new TopicPartition(sent.topic(), sent.partition()), sent.offset(), Math::max);
                Thread.sleep(apart);
            }
        }
        await().atMost(handledWithin).until(() -> codes.stream()
                .allMatch(code -> mongo.findById(KitTestOrder.idFor(code), KitTestOrder.class) != null));
        return lastOffsets;
    }

    private static void awaitCommittedPast(Map<TopicPartition, Long> lastOffsets, Duration within) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return lastOffsets.entrySet().stream().allMatch(last -> committed.get(last.getKey()) != null
                        && committed.get(last.getKey()).offset() > last.getValue());
            });
        }
    }

    /** Counts this context's consumers' commits; Kafka makes the instance from its class name. */
    public static class CountedCommits implements ConsumerInterceptor<String, String> {
        static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public ConsumerRecords<String, String> onConsume(ConsumerRecords<String, String> records) {
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            COUNT.incrementAndGet();
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
