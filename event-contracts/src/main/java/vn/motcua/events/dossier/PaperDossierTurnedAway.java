package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A paper dossier the post delivered to the agency's desk cannot be registered, and an officer said why (ADR 0088): it
 * leaves the desk's list and the officers' digest, and its citizen is told the reason and that the papers wait for them at
 * the one-stop counter. It never became a dossier, so it has no code: it is known by its item id.
 *
 * @param shipmentId the pick-up that brought it ({@code PIC-<itemId>})
 * @param itemId the envelope's S10 item id, as the citizen was told it
 * @param ownerCitizenId the citizen who asked the post to collect it
 * @param reason the officer's words, told to the citizen
 * @param turnedAwayBy the officer's user name
 */
@EventContract(type = "PaperDossierTurnedAway", version = 1, topic = Topics.DOSSIER)
public record PaperDossierTurnedAway(
        String shipmentId,
        String itemId,
        String agencyCode,
        String procedureCode,
        String ownerCitizenId,
        String reason,
        String turnedAwayBy,
        Instant turnedAwayAt) implements Event {

    @Override
    public String subject() {
        return shipmentId;
    }
}
