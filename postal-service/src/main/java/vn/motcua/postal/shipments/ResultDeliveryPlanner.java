package vn.motcua.postal.shipments;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventReader;
import vn.motcua.kit.messaging.IdempotentWrites;

/** Plans the delivery of the result when an applicant asks for it by post. */
@Component
class ResultDeliveryPlanner {
    private final EventReader reader;
    private final IdempotentWrites writes;
    private final Clock clock;
    private final String operator;

    ResultDeliveryPlanner(EventReader reader, IdempotentWrites writes, Clock clock,
            @Value("${motcua.postal.default-operator}") String operator) {
        this.reader = reader;
        this.writes = writes;
        this.clock = clock;
        this.operator = operator;
    }

    @KafkaListener(topics = Topics.DOSSIER)
    void on(ConsumerRecord<String, String> record) {
        if (!reader.is(record, DossierSubmitted.class)) {
            return;
        }
        DossierSubmitted dossier = reader.read(record, DossierSubmitted.class).data();
        if (!"POST".equals(dossier.resultDelivery())) {
            return;
        }
        var applicant = dossier.applicant();
        // The id is derived from the dossier: a redelivered event finds the shipment already there.
        writes.insertOnce(new Shipment(Shipment.resultDeliveryId(dossier.dossierCode()), dossier.dossierCode(),
                dossier.ownerCitizenId(), operator, Shipment.Kind.RESULT_DELIVERY, Shipment.Status.AWAITING_RESULT,
                applicant.fullName(), applicant.phone(), applicant.address(), clock.instant()));
    }
}
