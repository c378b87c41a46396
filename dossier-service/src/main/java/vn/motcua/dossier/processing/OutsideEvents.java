package vn.motcua.dossier.processing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.DossierRepository;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.events.Topics;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.kit.messaging.EventReader;
import vn.motcua.kit.messaging.IncomingEvent;

/**
 * What other services tell the dossier-service: a paid financial obligation lets processing
 * resume; a confirmed postal delivery of the result returns it. Replays are harmless: the
 * second time the dossier is no longer in the status the event acts on, and the event is
 * skipped.
 */
@Component
class OutsideEvents {
    private static final Logger log = LoggerFactory.getLogger(OutsideEvents.class);

    private final EventReader reader;
    private final DossierRepository dossiers;
    private final Lifecycle lifecycle;

    OutsideEvents(EventReader reader, DossierRepository dossiers, Lifecycle lifecycle) {
        this.reader = reader;
        this.dossiers = dossiers;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = Topics.PAYMENT)
    void onPaymentEvent(ConsumerRecord<String, String> record) {
        if (!reader.is(record, PaymentCompleted.class)) {
            return;
        }
        IncomingEvent<PaymentCompleted> event = reader.read(record, PaymentCompleted.class);
        PaymentCompleted payment = event.data();
        if (!"OBLIGATION".equals(payment.stage())) {
            return;
        }
        dossierIn(payment.dossierCode(), NationalStatus.FINANCIAL_OBLIGATION_REQUESTED, event)
                .ifPresent(dossier -> lifecycle.obligationPaid(dossier, payment.paymentId()));
    }

    @KafkaListener(topics = Topics.POSTAL)
    void onPostalEvent(ConsumerRecord<String, String> record) {
        if (!reader.is(record, ShipmentDelivered.class)) {
            return;
        }
        IncomingEvent<ShipmentDelivered> event = reader.read(record, ShipmentDelivered.class);
        ShipmentDelivered delivery = event.data();
        if (!"RESULT_RETURN".equals(delivery.purpose())) {
            return;
        }
        dossierIn(delivery.dossierCode(), NationalStatus.RESULT_READY, event)
                .ifPresent(dossier -> lifecycle.returnedByPost(dossier, delivery.shipmentId()));
    }

    private java.util.Optional<Dossier> dossierIn(String code, NationalStatus expected, IncomingEvent<?> event) {
        java.util.Optional<Dossier> dossier = dossiers.findById(code);
        if (dossier.isEmpty()) {
            log.warn("{} {} names unknown dossier {}; skipped", event.type(), event.eventId(), code);
            return java.util.Optional.empty();
        }
        if (dossier.get().status() != expected) {
            log.info("{} {} for dossier {} in status {}: already applied or not applicable; skipped",
                    event.type(), event.eventId(), code, dossier.get().status().code());
            return java.util.Optional.empty();
        }
        return dossier;
    }
}
