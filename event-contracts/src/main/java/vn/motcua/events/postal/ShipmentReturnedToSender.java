package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** Delivery failed on every attempt the operator makes; the item goes back to the agency. */
@EventContract(type = "ShipmentReturnedToSender", version = 1, topic = Topics.POSTAL)
public record ShipmentReturnedToSender(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String itemId,
        int failedAttempts,
        String lastReason,
        Instant returnedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
