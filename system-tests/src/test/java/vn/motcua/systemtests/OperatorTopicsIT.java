package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.events.Topics;
import vn.motcua.localstack.StackConfig;
import vn.motcua.simulators.postal.OperatorCredentials;

/**
 * Operators are outside the platform's network: on the real broker they authenticate with their
 * realm client's token on a listener of their own and read only their own topic, with consumer
 * groups named after them.
 */
@ExtendWith(Platform.class)
class OperatorTopicsIT {
    private static final String VNPOST = "postal-vnpost";
    private static final String VIETTEL = "postal-viettel";

    private KafkaConsumer<String, String> consumer(String operator, String secret, String group) {
        StackConfig config = Platform.stack().config();
        Map<String, Object> settings = new HashMap<>(OperatorCredentials.kafka(config.issuer() + "/protocol/openid-connect/token",
                operator, secret));
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + config.ports().kafkaOperators());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaConsumer<>(settings);
    }

    @Test
    void anOperatorReadsItsOwnTopic() {
        try (KafkaConsumer<String, String> vnpost = consumer(VNPOST, "postal-vnpost-local-secret", VNPOST + "-it")) {
            vnpost.subscribe(List.of(Topics.ofPostalOperator(VNPOST)));
            ConsumerRecords<String, String> records = vnpost.poll(Duration.ofSeconds(10));
            assertThat(vnpost.assignment()).as("partitions of its own topic").isNotEmpty();
            assertThat(records).isNotNull();
        }
    }

    @Test
    void anotherOperatorsTopicIsRefusedByTheBroker() {
        try (KafkaConsumer<String, String> viettel = consumer(VIETTEL, "postal-viettel-local-secret", VIETTEL + "-it")) {
            viettel.subscribe(List.of(Topics.ofPostalOperator(VNPOST)));
            assertThatThrownBy(() -> viettel.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aGroupNotNamedAfterTheOperatorIsRefused() {
        try (KafkaConsumer<String, String> vnpost = consumer(VNPOST, "postal-vnpost-local-secret", "postal-service")) {
            vnpost.subscribe(List.of(Topics.ofPostalOperator(VNPOST)));
            assertThatThrownBy(() -> vnpost.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aClientTheRealmDoesNotKnowGetsNoConnection() {
        assertThatThrownBy(() -> {
            try (KafkaConsumer<String, String> stranger = consumer(VNPOST, "wrong-secret", VNPOST + "-it")) {
                stranger.subscribe(List.of(Topics.ofPostalOperator(VNPOST)));
                stranger.poll(Duration.ofSeconds(10));
            }
        }).isInstanceOf(KafkaException.class);
    }
}
