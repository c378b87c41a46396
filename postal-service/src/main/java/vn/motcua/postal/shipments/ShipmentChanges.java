package vn.motcua.postal.shipments;

import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;

/**
 * One change of a shipment, read again and redone when another write (an operator's report, the
 * citizen's address, a ready result) won the version first.
 */
@Component
class ShipmentChanges {
    private final ShipmentRepository shipments;
    private final AggregateStore store;

    ShipmentChanges(ShipmentRepository shipments, AggregateStore store) {
        this.shipments = shipments;
        this.store = store;
    }

    /** @param change checks the shipment as read (throwing a problem changes nothing) and returns the events it causes */
    Shipment change(String shipmentId, Function<Shipment, List<Event>> change) {
        return store.updateRetrying(() -> shipments.findById(shipmentId).orElseThrow(() -> ApiProblem.notFound("Shipment", shipmentId)),
                change::apply);
    }

    /** The shipment as planned, inserted once by its id; planned again (a redelivery, a second cause), the one stored. */
    Shipment insertedOnce(Changed<Shipment> planned) {
        return store.insertOnce(planned) ? planned.aggregate() : shipments.findById(planned.aggregate().id()).orElseThrow();
    }
}
