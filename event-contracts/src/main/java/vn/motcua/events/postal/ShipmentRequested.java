package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A shipment is handed to its operator: pick it up or carry it (for a result, once it is ready).
 * It travels on the operator's own topic.
 *
 * @param dossierCode the dossier, or null for a paper dossier collected before it is registered
 * @param agencyCode the agency a result leaves from, or a collected dossier goes to
 * @param itemId the UPU S10 item id allocated from the operator's range, e.g. RR473124829VN
 * @param recipientName for a result, who receives it; for a collected dossier, the citizen the postman collects it from
 * @param address for a result, where it goes; for a collected dossier, where it is picked up
 * @param addressProvince one of the 34 provinces and cities, as the tariff zones name them
 * @param cashOnDelivery what the postman collects from the recipient (fees owed at this stage), in đồng; 0 for none
 * @param postage the postage frozen on the shipment when it was requested, in đồng, and who pays it
 */
@EventContract(type = "ShipmentRequested", version = 1, topic = Topics.POSTAL_OPERATOR)
public record ShipmentRequested(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String operator,
        String agencyCode,
        String itemId,
        String recipientName,
        String recipientPhone,
        String address,
        String addressProvince,
        long cashOnDelivery,
        long postage,
        String postagePayer,
        Instant requestedAt) implements ToOperator {
}
