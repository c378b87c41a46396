package vn.motcua.postal.shipments;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.postal.tracking.TrackingRanges;

/**
 * Plans the delivery of the result when an applicant asks for it by post, and hands it to the
 * operator with an S10 item id from the operator's range once the result is ready.
 */
@Component
class PlansResultDeliveries implements EventSubscriber {
    /** Registered items (R): results and dossiers travel as registered letters. */
    static final String SERVICE_INDICATOR = "RR";

    private final AggregateStore store;
    private final ShipmentRepository shipments;
    private final TrackingRanges ranges;
    private final Clock clock;
    private final String operator;

    PlansResultDeliveries(AggregateStore store, ShipmentRepository shipments, TrackingRanges ranges, Clock clock,
            @Value("${motcua.postal.default-operator}") String operator) {
        this.store = store;
        this.shipments = shipments;
        this.ranges = ranges;
        this.clock = clock;
        this.operator = operator;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted).on(DossierResultReady.class, this::resultReady);
    }

    private void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSnapshot dossier = event.data().dossier();
        if (dossier.resultDelivery() != ResultDelivery.POST) {
            return;
        }
        Applicant applicant = event.data().applicant();
        // The id is derived from the dossier: a redelivered event finds the shipment already there.
        store.insertOnce(Changed.of(Shipment.plannedResultDelivery(dossier.dossierCode(), dossier.ownerCitizenId(), operator,
                applicant.fullName(), applicant.phone(), applicant.address(), clock.instant())));
    }

    private void resultReady(IncomingEvent<DossierResultReady> event) {
        DossierSnapshot dossier = event.data().dossier();
        if (dossier.resultDelivery() != ResultDelivery.POST) {
            return;
        }
        shipments.findById(Shipment.resultDeliveryId(dossier.dossierCode())).filter(Shipment::awaitsItemId)
                .ifPresent(shipment -> {
                    String itemId = ranges.next(shipment.operator(), SERVICE_INDICATOR).toString();
                    store.applyOnce(shipment, event.eventId(), s -> s.request(itemId, clock.instant()));
                });
    }
}
