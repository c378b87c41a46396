package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The post picked up the result, or originals going back, at the agency: it is on its way, and {@code itemId} is its tracking
 * number.
 *
 * @param itemId UPU S10 item id, e.g. EE123456785VN
 * @param ownerCitizenId the dossier's owner, who is told
 * @param cashOnDelivery what the postman collects from the recipient, in đồng, so the citizen has it ready (added in
 *     place on 2026-12-07; absent in older records: not said)
 * @param feesOnDelivery the dossier's fees among it; the rest is the postage and the cash-on-delivery fee
 * @param purpose what travels: {@code RESULT_RETURN}, or {@code ORIGINALS_RETURN} for paper originals going back to the
 *     citizen (ADR 0079; added in place on 2026-12-07, absent in older records, which were all results)
 */
@EventContract(type = "ShipmentDispatched", version = 1, topic = Topics.POSTAL)
public record ShipmentDispatched(
        String shipmentId,
        String dossierCode,
        String itemId,
        String ownerCitizenId,
        Instant dispatchedAt,
        Long cashOnDelivery,
        Long feesOnDelivery,
        ShipmentPurpose purpose) implements Event {

    public ShipmentDispatched(String shipmentId, String dossierCode, String itemId, String ownerCitizenId, Instant dispatchedAt) {
        this(shipmentId, dossierCode, itemId, ownerCitizenId, dispatchedAt, null, null, null);
    }

    /** Whether it carries the dossier's result, as every record did before the purpose was said. */
    public boolean carriesResult() {
        return purpose == null || purpose == ShipmentPurpose.RESULT_RETURN;
    }

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
