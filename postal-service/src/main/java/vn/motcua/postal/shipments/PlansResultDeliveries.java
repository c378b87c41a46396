package vn.motcua.postal.shipments;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;

/** Plans the delivery of the result when an applicant asks for it by post. */
@Component
class PlansResultDeliveries implements EventSubscriber {
    private final IdempotentWrites writes;
    private final Clock clock;
    private final String operator;

    PlansResultDeliveries(IdempotentWrites writes, Clock clock,
            @Value("${motcua.postal.default-operator}") String operator) {
        this.writes = writes;
        this.clock = clock;
        this.operator = operator;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted);
    }

    private void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSubmitted submitted = event.data();
        if (submitted.dossier().resultDelivery() != ResultDelivery.POST) {
            return;
        }
        var dossier = submitted.dossier();
        var applicant = submitted.applicant();
        // The id is derived from the dossier: a redelivered event finds the shipment already there.
        writes.insertOnce(new Shipment(Shipment.resultDeliveryId(dossier.dossierCode()), dossier.dossierCode(),
                dossier.ownerCitizenId(), operator, Shipment.Kind.RESULT_DELIVERY, Shipment.Status.AWAITING_RESULT,
                applicant.fullName(), applicant.phone(), applicant.address(), clock.instant()));
    }
}
