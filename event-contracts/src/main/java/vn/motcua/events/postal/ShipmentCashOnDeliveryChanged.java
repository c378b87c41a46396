package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Collect this amount on delivery instead of the one the item was handed over with: the citizen
 * paid the result's fees otherwise (online, at the counter) after the item left, so the postman
 * collects only what the citizen still owes the post. Travels on the operator's own topic.
 *
 * @param cashOnDelivery what the postman now collects from the recipient, in đồng (0: nothing)
 */
@EventContract(type = "ShipmentCashOnDeliveryChanged", version = 1, topic = Topics.POSTAL_OPERATOR)
public record ShipmentCashOnDeliveryChanged(
        String shipmentId,
        String dossierCode,
        String operator,
        String itemId,
        long cashOnDelivery,
        String reason,
        Instant changedAt) implements ToOperator {
}
