package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A paper dossier the postal operator collected from the citizen was delivered to the agency's
 * one-stop desk (BCCI intake, national channel 3): its officer registers it with this item id.
 *
 * @param itemId the S10 item id the dossier travelled under, e.g. RR100000017VN
 * @param ownerCitizenId the citizen who asked for the pick-up
 */
@EventContract(type = "PaperDossierArrived", version = 1, topic = Topics.POSTAL)
public record PaperDossierArrived(
        String shipmentId,
        String itemId,
        String agencyCode,
        String procedureCode,
        String ownerCitizenId,
        String senderName,
        String senderPhone,
        Instant arrivedAt) implements Event {

    @Override
    public String subject() {
        return shipmentId;
    }
}
