package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A shipment is handed to its operator: pick it up or carry it (for a result, once it is ready).
 *
 * @param itemId the UPU S10 item id allocated from the operator's range, e.g. RR473124829VN
 */
@EventContract(type = "ShipmentRequested", version = 1, topic = Topics.POSTAL)
public record ShipmentRequested(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String operator,
        String itemId,
        String recipientName,
        String recipientPhone,
        String address,
        Instant requestedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
