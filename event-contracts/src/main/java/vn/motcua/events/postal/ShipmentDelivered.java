package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postal operator confirmed delivery of a shipment.
 *
 * @param itemId UPU S10 item id, e.g. EE123456785VN
 */
@EventContract(type = "ShipmentDelivered", version = 1, topic = Topics.POSTAL)
public record ShipmentDelivered(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String itemId,
        Instant deliveredAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
