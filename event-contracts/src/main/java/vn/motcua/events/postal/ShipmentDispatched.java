package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The post picked up the result at the agency: it is on its way, and {@code itemId} is its tracking number.
 *
 * @param itemId UPU S10 item id, e.g. EE123456785VN
 * @param ownerCitizenId the dossier's owner, who is told
 */
@EventContract(type = "ShipmentDispatched", version = 1, topic = Topics.POSTAL)
public record ShipmentDispatched(
        String shipmentId,
        String dossierCode,
        String itemId,
        String ownerCitizenId,
        Instant dispatchedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
