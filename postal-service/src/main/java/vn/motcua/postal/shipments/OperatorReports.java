package vn.motcua.postal.shipments;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.tracking.S10;

/** Applies an operator's report to one of its own shipments, re-reading it when another report won the write. */
@Service
public class OperatorReports {
    private static final int MAX_ATTEMPTS = 12;

    private final ShipmentRepository shipments;
    private final AggregateStore store;

    OperatorReports(ShipmentRepository shipments, AggregateStore store) {
        this.shipments = shipments;
        this.store = store;
    }

    /** @param itemId the item id the operator scanned: it must be the shipment's */
    public Shipment apply(String shipmentId, String operator, Shipment.Report report, String itemId) {
        for (int attempt = 0; ; attempt++) {
            Shipment shipment = shipments.findById(shipmentId).filter(s -> s.operator().equals(operator))
                    .orElseThrow(() -> ApiProblem.notFound("Shipment", shipmentId));
            if (shipment.itemId() != null && !shipment.itemId().equals(S10.parse(itemId).toString())) {
                throw ApiProblem.unprocessable("item-id-mismatch", "Shipment " + shipmentId + " travels as " + shipment.itemId());
            }
            try {
                store.update(shipment, shipment.report(report));
                return shipment;
            } catch (OptimisticLockingFailureException concurrentReport) {
                // Another report on the same shipment won the write: read again and apply this one after it.
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrentReport;
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
            throw new IllegalStateException("Interrupted while retrying a report", e);
        }
    }
}
