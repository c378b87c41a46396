package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A dossier a specialist holds passed to another: in processing, or paused awaiting the applicant (status 5 or 6). It
 * keeps its status and deadline (a paused one stays paused), and any draft's submission or approval: the draft belongs
 * to the dossier, and the new specialist carries it on.
 *
 * @param previousAssignee username of the specialist who had it
 * @param assignee username of the specialist who has it now
 * @param reassignedBy the name of the officer or leader who passed it on
 */
@EventContract(type = "DossierReassigned", version = 1, topic = Topics.DOSSIER)
public record DossierReassigned(
        DossierSnapshot dossier,
        String previousAssignee,
        String assignee,
        String reassignedBy,
        Instant reassignedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
