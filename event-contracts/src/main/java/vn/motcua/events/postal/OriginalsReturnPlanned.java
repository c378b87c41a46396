package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The paper originals the post collected for a dossier that then closed (refused, withdrawn, stopped) go back to the
 * citizen by post, to the address they were collected from, which the citizen may change through
 * {@code PUT /api/v1/shipments/{id}/address} until the postman picks them up at the agency, or collect at the counter.
 *
 * @param shipmentId the return's own shipment
 * @param reason why the dossier closed, as the citizen was told
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
