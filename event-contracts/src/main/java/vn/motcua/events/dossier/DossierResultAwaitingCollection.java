package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A result that was to go by post came back to the agency (the operator could not deliver it):
 * it now waits at the counter (the snapshot's delivery is COUNTER) and the citizen is to be told
 * to collect it, by appointment if they wish.
 *
 * @param shipmentId the postal shipment that was returned to the sender
 * @param reason the operator's reason on the last failed attempt, when it gave one
 */
@EventContract(type = "DossierResultAwaitingCollection", version = 1, topic = Topics.DOSSIER)
public record DossierResultAwaitingCollection(
        DossierSnapshot dossier,
        String shipmentId,
        String reason,
        Instant since) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
