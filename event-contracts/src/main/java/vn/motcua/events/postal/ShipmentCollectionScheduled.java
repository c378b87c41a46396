package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The operator set when the postman comes to collect the citizen's papers, a paper dossier or the originals of an online
 * one, so the citizen is there with them (ADR 0087). A new time after a failed attempt is told again; the same time
 * reported twice is not.
 *
 * @param dossierCode the online dossier the originals are for; null for a paper dossier, which has no code before the
 *     agency registers it
 * @param purpose {@code DOSSIER_PICKUP} or {@code PAPER_ORIGINALS}
 * @param pickupFrom the start of the postman's window, as the operator reported it
 * @param pickupUntil its end, later than its start and than the report
 */
@EventContract(type = "ShipmentCollectionScheduled", version = 1, topic = Topics.POSTAL)
public record ShipmentCollectionScheduled(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String itemId,
        String ownerCitizenId,
        Instant pickupFrom,
        Instant pickupUntil,
        Instant scheduledAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
