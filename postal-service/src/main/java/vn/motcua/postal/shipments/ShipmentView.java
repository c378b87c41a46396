package vn.motcua.postal.shipments;

import java.time.Instant;
import java.util.List;

/** A shipment with its tracking history, as its citizen and its operator see it. */
public record ShipmentView(String id, String dossierCode, Shipment.Kind kind, Shipment.Status status, String operator,
        String itemId, String recipientName, String address, int failedAttempts, boolean cashCollected,
        List<Shipment.Report> history, Instant createdAt) {

    static ShipmentView of(Shipment s) {
        return new ShipmentView(s.id(), s.dossierCode(), s.kind(), s.status(), s.operator(), s.itemId(), s.recipientName(),
                s.address(), s.failedAttemptCount(), s.cashCollected(), s.history(), s.createdAt());
    }
}
