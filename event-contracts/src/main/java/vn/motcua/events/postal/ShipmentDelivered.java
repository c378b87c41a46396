package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postal operator confirmed delivery of a shipment.
 *
 * @param itemId UPU S10 item id, e.g. EE123456785VN
 * @param handedOverBy the officer who brought it instead of the post (a delivery by hand); null when the post delivered it
 *     (added in place on 2026-12-07; absent in older records)
 */
@EventContract(type = "ShipmentDelivered", version = 1, topic = Topics.POSTAL)
public record ShipmentDelivered(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String itemId,
        Instant deliveredAt,
        String handedOverBy) implements Event {

    public ShipmentDelivered(String shipmentId, String dossierCode, ShipmentPurpose purpose, String itemId, Instant deliveredAt) {
        this(shipmentId, dossierCode, purpose, itemId, deliveredAt, null);
    }

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
