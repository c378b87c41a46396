package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A paper dossier the post delivered to a desk, neither registered nor turned away, now waits at the successor of the
 * agency it was addressed to, which was dissolved (ADR 0089): the successor's desk lists it, its officers register or
 * turn it away, and its morning digest names it. It never became a dossier, so it is known by its item id.
 *
 * @param shipmentId the pick-up that brought it ({@code PIC-<itemId>})
 * @param itemId the envelope's S10 item id, as the citizen was told it
 * @param fromAgencyCode the dissolved agency it was addressed to
 * @param toAgencyCode its successor, which holds the envelope from now on
 * @param toAgencyName the successor's name, which the citizen is told
 * @param ownerCitizenId the citizen who asked the post to collect it
 */
@EventContract(type = "PaperDossierTransferred", version = 1, topic = Topics.DOSSIER)
public record PaperDossierTransferred(
        String shipmentId,
        String itemId,
        String fromAgencyCode,
        String toAgencyCode,
        String toAgencyName,
        String procedureCode,
        String ownerCitizenId,
        Instant transferredAt) implements Event {

    @Override
    public String subject() {
        return shipmentId;
    }
}
