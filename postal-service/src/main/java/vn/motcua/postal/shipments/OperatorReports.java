package vn.motcua.postal.shipments;

import org.springframework.stereotype.Service;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.tracking.S10;

/** Applies an operator's report to one of its own shipments, re-reading it when another report won the write. */
@Service
public class OperatorReports {
    private final ShipmentChanges changes;
    private final AttemptRules attempts;

    OperatorReports(ShipmentChanges changes, AttemptRules attempts) {
        this.changes = changes;
        this.attempts = attempts;
    }

    /** @param itemId the item id the operator scanned: it must be the shipment's */
    public Shipment apply(String shipmentId, String operator, Shipment.Report report, String itemId) {
        return changes.change(shipmentId, shipment -> {
            if (!shipment.operator().equals(operator)) {
                // Another operator's shipment does not exist for this one.
                throw ApiProblem.notFound("Shipment", shipmentId);
            }
            if (shipment.itemId() != null && !shipment.itemId().equals(S10.parse(itemId).toString())) {
                throw ApiProblem.unprocessable("item-id-mismatch", "Shipment " + shipmentId + " travels as " + shipment.itemId());
            }
            return shipment.report(report, attempts.at(operator, report.at()));
        });
    }
}
