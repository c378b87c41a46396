package vn.motcua.payment.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventReader;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.outbox.EventRecorder;

/** Opens a payment order when a dossier is submitted for a procedure whose fees fall due at intake. */
@Component
class IntakeFees {
    private static final Logger log = LoggerFactory.getLogger(IntakeFees.class);
    static final String INTAKE = "INTAKE";

    private final EventReader reader;
    private final IdempotentWrites writes;
    private final EventRecorder recorder;
    private final Clock clock;
    private final Duration payWithin;

    IntakeFees(EventReader reader, IdempotentWrites writes, EventRecorder recorder, Clock clock,
            @Value("${motcua.payment.pay-within}") Duration payWithin) {
        this.reader = reader;
        this.writes = writes;
        this.recorder = recorder;
        this.clock = clock;
        this.payWithin = payWithin;
    }

    @KafkaListener(topics = Topics.DOSSIER)
    void on(ConsumerRecord<String, String> record) {
        if (reader.is(record, DossierSubmitted.class)) {
            submitted(reader.read(record, DossierSubmitted.class));
        }
    }

    void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSubmitted dossier = event.data();
        if (!INTAKE.equals(dossier.feeTiming()) || dossier.totalDue() <= 0) {
            return;
        }
        Instant now = clock.instant();
        PaymentOrder.Opened opened = PaymentOrder.open(dossier.dossierCode(), dossier.ownerCitizenId(), INTAKE,
                dossier.totalDue(), now, now.plus(payWithin), event.eventId());
        opened.order().enqueue(recorder.record(opened.events()));
        if (!writes.insertOnce(opened.order())) {
            log.info("Payment order {} already exists; event {} ignored", opened.order().id(), event.eventId());
        }
    }
}
