package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The post could not collect the citizen's papers on any attempt and stopped trying: nothing was collected, and the
 * shipment is called off (ADR 0084). The citizen may ask for a new pick-up of a paper dossier, or bring the originals to
 * the agency's one-stop counter. A later report that the postman collected them after all still wins.
 *
 * @param dossierCode the online dossier the originals are for; null for a paper dossier
 * @param purpose {@code DOSSIER_PICKUP} or {@code PAPER_ORIGINALS}
 * @param lastReason the operator's reason for the last attempt
 */
@EventContract(type = "ShipmentCollectionAbandoned", version = 1, topic = Topics.POSTAL)
public record ShipmentCollectionAbandoned(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String itemId,
        String ownerCitizenId,
        String agencyCode,
        String procedureCode,
        int attempts,
        String lastReason,
        Instant abandonedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
