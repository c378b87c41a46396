package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postman could not deliver the result, or originals going back, this time and will try again; after the last attempt the
 * item goes back ({@link ShipmentReturnedToSender}).
 *
 * @param attempt which attempt failed (1, 2, …)
 * @param reason the operator's words, e.g. "Không gặp người nhận"
 * @param cashOnDelivery what the postman collects at the next attempt, in đồng (added in place on 2026-12-07; absent in
 *     older records: not said)
 * @param feesOnDelivery the dossier's fees among it, which the citizen may still pay online before then (ADR 0066)
 * @param purpose what travels: {@code RESULT_RETURN}, or {@code ORIGINALS_RETURN} for paper originals going back to the
 *     citizen (ADR 0079; added in place on 2026-12-07, absent in older records, which were all results)
 */
@EventContract(type = "ShipmentDeliveryAttemptFailed", version = 1, topic = Topics.POSTAL)
public record ShipmentDeliveryAttemptFailed(
        String shipmentId,
        String dossierCode,
        String itemId,
        String ownerCitizenId,
        int attempt,
        String reason,
        Instant failedAt,
        Long cashOnDelivery,
        Long feesOnDelivery,
        ShipmentPurpose purpose) implements Event {

    public ShipmentDeliveryAttemptFailed(String shipmentId, String dossierCode, String itemId, String ownerCitizenId, int attempt,
            String reason, Instant failedAt) {
        this(shipmentId, dossierCode, itemId, ownerCitizenId, attempt, reason, failedAt, null, null, null);
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
