package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The paper originals the post collected for a dossier go back to the citizen by post — the dossier closed (refused,
 * withdrawn, stopped), or the agency has checked them — to the address they were collected from, which the citizen may
 * change through {@code PUT /api/v1/shipments/{id}/address} until the postman picks them up at the agency, or collect at
 * the counter.
 *
 * @param shipmentId the return's own shipment
 * @param reason why they go back, as the citizen is told: the dossier's closure, or the agency's check done
 */
@EventContract(type = "OriginalsReturnPlanned", version = 1, topic = Topics.POSTAL)
public record OriginalsReturnPlanned(
        String shipmentId,
        String dossierCode,
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
