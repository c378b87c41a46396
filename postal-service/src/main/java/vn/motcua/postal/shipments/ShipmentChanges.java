package vn.motcua.postal.shipments;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;

/**
 * One change of a shipment, read again and redone when another write (an operator's report, the
 * citizen's address, a ready result) won the version first.
 */
@Component
class ShipmentChanges {
    private static final int MAX_ATTEMPTS = 12;

    private final ShipmentRepository shipments;
    private final AggregateStore store;

    ShipmentChanges(ShipmentRepository shipments, AggregateStore store) {
        this.shipments = shipments;
        this.store = store;
    }

    /** @param change checks the shipment as read (throwing a problem changes nothing) and returns the events it causes */
    Shipment change(String shipmentId, Function<Shipment, List<Event>> change) {
        for (int attempt = 0; ; attempt++) {
            Shipment shipment = shipments.findById(shipmentId).orElseThrow(() -> ApiProblem.notFound("Shipment", shipmentId));
            try {
                store.update(shipment, change.apply(shipment));
                return shipment;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrent;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 3 + attempt * 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a shipment's change", e);
        }
    }
}
