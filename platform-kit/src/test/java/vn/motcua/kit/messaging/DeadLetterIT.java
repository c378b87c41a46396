package vn.motcua.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.kit.testapp.FlakyListener;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest(classes = KitTestApplication.class, properties = {"spring.application.name=kit-dead-letter-test",
        "motcua.kafka.retry.initial-interval=50ms", "motcua.kafka.retry.max-interval=200ms"})
@InfrastructureTest
class DeadLetterIT {
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.APPOINTMENT);

    @Autowired
    FlakyListener listener;

    @Test
    void anEventThatKeepsFailingIsRetriedFourTimesThenParkedOnTheDeadLetterTopic() {
        String code = FlakyListener.FAILING_PREFIX + EventMother.newDossierCode();
        ProducerRecord<String, String> event = onAppointmentTopic(EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0)));
        KafkaProbe.send(event);

        ConsumerRecord<String, String> parked = KafkaProbe.await(DEAD_LETTERS, r -> code.equals(r.key()), Duration.ofSeconds(30));

        assertThat(listener.attemptsFor(code)).isEqualTo(5);
        assertThat(parked.value()).isEqualTo(event.value());
        assertThat(KafkaProbe.header(parked, CloudEventHeaders.ID)).isEqualTo(header(event, CloudEventHeaders.ID));
        assertThat(KafkaProbe.header(parked, "kafka_dlt-exception-message")).contains("Downstream unavailable");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithoutRetries() {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> wellFormed = onAppointmentTopic(EventMother.record(EventMother.dossierSubmitted(code, "001090000001", 0)));
        ProducerRecord<String, String> garbled = new ProducerRecord<>(wellFormed.topic(), null, code, "{not json",
                wellFormed.headers());
        KafkaProbe.send(garbled);

        ConsumerRecord<String, String> parked = KafkaProbe.await(DEAD_LETTERS, r -> code.equals(r.key()), Duration.ofSeconds(30));

        assertThat(parked.value()).isEqualTo("{not json");
        assertThat(listener.attemptsFor(code)).isZero();
        assertThat(KafkaProbe.header(parked, "kafka_dlt-exception-message")).contains("Malformed DossierSubmitted");
    }

    private static ProducerRecord<String, String> onAppointmentTopic(ProducerRecord<String, String> record) {
        return new ProducerRecord<>(Topics.APPOINTMENT, null, record.key(), record.value(), record.headers());
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
