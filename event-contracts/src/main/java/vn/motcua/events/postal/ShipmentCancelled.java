package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Do not carry this item any more: the agency's officer brought the result to the citizen instead,
 * or the citizen called off a pick-up before the postman came. Travels on the operator's own topic.
 */
@EventContract(type = "ShipmentCancelled", version = 1, topic = Topics.POSTAL_OPERATOR)
public record ShipmentCancelled(
        String shipmentId,
        String dossierCode,
        String operator,
        String itemId,
        String reason,
        Instant cancelledAt) implements ToOperator {
}
