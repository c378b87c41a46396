package vn.motcua.kit.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventReader;

/** Fails on purpose for dossiers whose code starts with FAIL, to exercise retries and the dead-letter topic. */
@Component
public class FlakyListener {
    public static final String FAILING_PREFIX = "FAIL";
    private final EventReader reader;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    FlakyListener(EventReader reader) {
        this.reader = reader;
    }

    @KafkaListener(topics = Topics.APPOINTMENT)
    void on(ConsumerRecord<String, String> record) {
        DossierSubmitted event = reader.read(record, DossierSubmitted.class).data();
        attempts.computeIfAbsent(event.dossierCode(), code -> new AtomicInteger()).incrementAndGet();
        if (event.dossierCode().startsWith(FAILING_PREFIX)) {
            throw new IllegalStateException("Downstream unavailable for " + event.dossierCode());
        }
    }

    public int attemptsFor(String dossierCode) {
        AtomicInteger count = attempts.get(dossierCode);
        return count == null ? 0 : count.get();
    }
}
