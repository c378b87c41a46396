package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A paper dossier the post collected at the citizen's address and the agency registered goes back to them by post: it was
 * refused, withdrawn or stopped (ADR 0081). It goes to the address it was collected from, which the citizen may change
 * through {@code PUT /api/v1/shipments/{id}/address} until the postman picks it up at the agency, or collect at the counter.
 *
 * @param shipmentId the return's own shipment
 * @param collectedItemId the item id the dossier came in
 * @param reason why it goes back, as the citizen was told of the closure
 */
@EventContract(type = "PaperDossierReturnPlanned", version = 1, topic = Topics.POSTAL)
public record PaperDossierReturnPlanned(
        String shipmentId,
        String dossierCode,
        String collectedItemId,
        String ownerCitizenId,
        String agencyCode,
        String recipientName,
        String recipientPhone,
        String address,
        String addressProvince,
        String reason,
        Instant plannedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
