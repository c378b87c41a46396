package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The citizen confirmed or changed the address a shipment already handed to the operator goes
 * to: deliver there. Travels on the operator's own topic.
 */
@EventContract(type = "ShipmentAddressConfirmed", version = 1, topic = Topics.POSTAL_OPERATOR)
public record ShipmentAddressConfirmed(
        String shipmentId,
        String dossierCode,
        String operator,
        String itemId,
        String recipientName,
        String recipientPhone,
        String address,
        String addressProvince,
        boolean changed,
        Instant confirmedAt) implements ToOperator {
}
