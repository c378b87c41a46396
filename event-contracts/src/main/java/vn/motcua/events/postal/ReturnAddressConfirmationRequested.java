package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Ask the citizen to confirm or change the address their result will be posted to (the
 * directive's "contact the citizen, confirm the address"), through
 * {@code PUT /api/v1/shipments/{id}/address}. The notification service turns it into a message.
 *
 * @param addressProvince the province read from the address, or null when none of the 34 was found in it
 *     (the result then waits for the citizen's answer before it is posted)
 */
@EventContract(type = "ReturnAddressConfirmationRequested", version = 1, topic = Topics.POSTAL)
public record ReturnAddressConfirmationRequested(
        String shipmentId,
        String dossierCode,
        String ownerCitizenId,
        String recipientName,
        String recipientPhone,
        String address,
        String addressProvince,
        Instant requestedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
