package vn.motcua.postal.shipments;

import java.time.Instant;
import java.util.List;
import vn.motcua.postal.tariffs.TariffRules;

/**
 * A shipment with its tracking history, as its citizen and its operator see it.
 *
 * @param cashOnDelivery what the postman collects from the recipient, in đồng
 * @param price the price frozen when the shipment was handed to the operator (null before)
 * @param feesWithdrawn the fees were paid otherwise after the hand-over (ADR 0066): the postman no longer collects them,
 *     nor the price's cash-on-delivery fee for collecting them (ADR 0068)
 * @param collected what the postman collected, once he reported it; more than {@code cashOnDelivery} when the new amount
 *     reached him too late (the fees then go back to the citizen, ADR 0067)
 * @param pickupWindow when the postman comes to collect the citizen's papers, as the operator last set it (ADR 0087); null
 *     when it set none
 */
public record ShipmentView(String id, String dossierCode, String agencyCode, Shipment.Kind kind, Shipment.Status status,
        String operator,
        String itemId, String recipientName, String recipientPhone, String address, String addressProvince,
        Instant addressConfirmedAt, boolean resultReady, long cashOnDelivery, TariffRules.Quote price, int failedAttempts,
        boolean cashCollected, List<Shipment.Report> history, Instant createdAt, boolean feesWithdrawn,
        Long collected, Shipment.PickupWindow pickupWindow) {

    static ShipmentView of(Shipment s) {
        return new ShipmentView(s.id(), s.dossierCode(), s.origin().agencyCode(), s.kind(), s.status(), s.operator(), s.itemId(), s.recipientName(),
                s.recipientPhone(), s.address(), s.addressProvince(), s.addressConfirmedAt(), s.resultReady(),
                s.cashOnDelivery(), s.price(), s.failedAttemptCount(), s.cashCollected(), s.history(), s.createdAt(),
                s.feesWithdrawn(), s.collectedAmount(), s.pickupWindow());
    }
}
