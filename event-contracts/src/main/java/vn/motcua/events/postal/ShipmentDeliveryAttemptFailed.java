package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postman could not deliver the result this time and will try again; after the last attempt the
 * item goes back ({@link ShipmentReturnedToSender}).
 *
 * @param attempt which attempt failed (1, 2, …)
 * @param reason the operator's words, e.g. "Không gặp người nhận"
 */
@EventContract(type = "ShipmentDeliveryAttemptFailed", version = 1, topic = Topics.POSTAL)
public record ShipmentDeliveryAttemptFailed(
        String shipmentId,
        String dossierCode,
        String itemId,
        String ownerCitizenId,
        int attempt,
        String reason,
        Instant failedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
