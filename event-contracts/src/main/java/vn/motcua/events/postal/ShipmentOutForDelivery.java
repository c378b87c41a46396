package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postman is out to deliver the result today.
 *
 * @param itemId UPU S10 item id, e.g. EE123456785VN
 * @param ownerCitizenId the dossier's owner, who is told
 */
@EventContract(type = "ShipmentOutForDelivery", version = 1, topic = Topics.POSTAL)
public record ShipmentOutForDelivery(
        String shipmentId,
        String dossierCode,
        String itemId,
        String ownerCitizenId,
        Instant outAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
