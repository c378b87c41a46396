package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The papers of an envelope the desk turned away left the one-stop counter (ADR 0091): an officer handed them to the
 * person who came for them, after checking their identity paper. The citizen who sent them is told who took them, so
 * papers taken by someone else do not go unnoticed.
 *
 * @param shipmentId the pick-up that brought them ({@code PIC-<itemId>})
 * @param itemId the envelope's S10 item id, as the citizen was told it
 * @param ownerCitizenId the citizen who asked the post to collect them
 * @param collectedBy the name of the person who took them, as on their identity paper
 * @param handedBackBy the officer's user name
 */
@EventContract(type = "PaperDossierHandedBack", version = 1, topic = Topics.DOSSIER)
public record PaperDossierHandedBack(
        String shipmentId,
        String itemId,
        String agencyCode,
        String ownerCitizenId,
        String collectedBy,
        String handedBackBy,
        Instant handedBackAt) implements Event {

    @Override
    public String subject() {
        return shipmentId;
    }
}
