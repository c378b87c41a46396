package vn.motcua.postal.shipments;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;

/**
 * A paper dossier the post collected at the citizen's address goes back by post when it is refused, withdrawn or stopped
 * (ADR 0081). Its pick-up learns the dossier it became when the officer registers the envelope ({@code DossierSubmitted}
 * names the envelope's item id); the closure marks the pick-up, and the return, ready at once since the dossier is at the
 * agency, is handed to the operator as a result is.
 */
@Service
class PaperDossierReturns implements EventSubscriber {
    private final AggregateStore store;
    private final ShipmentRepository shipments;
    private final ShipmentChanges changes;
    private final HandOver handOver;
    private final Clock clock;

    PaperDossierReturns(AggregateStore store, ShipmentRepository shipments, ShipmentChanges changes, HandOver handOver, Clock clock) {
        this.store = store;
        this.shipments = shipments;
        this.changes = changes;
        this.handOver = handOver;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::registered);
    }

    private void registered(IncomingEvent<DossierSubmitted> event) {
        String itemId = event.data().collectedItemId();
        if (itemId != null) {
            shipments.findById(Shipment.pickupId(itemId)).ifPresent(pickup -> store.applyOnce(pickup, event.eventId(),
                    p -> p.registeredAs(event.data().dossier().dossierCode())));
        }
    }

    /** The dossier's pick-up, when it came in one: the closure marks it too. */
    Optional<Shipment> pickupOf(String dossierCode) {
        return shipments.findFirstByDossierCodeAndKind(dossierCode, Shipment.Kind.DOSSIER_PICKUP);
    }

    /**
     * The pick-up as the closure's write left it: a registered paper dossier the post brought goes back, once however often
     * this is called.
     */
    void ifToGoBack(Shipment pickup) {
        if (pickup.dossierToGoBack()) {
            handOver.ifReady(changes.insertedOnce(Shipment.dossierBack(pickup, pickup.whyBack(), clock.instant())));
        }
    }
}
