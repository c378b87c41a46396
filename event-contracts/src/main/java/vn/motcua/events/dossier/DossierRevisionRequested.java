package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A leader sent the draft result back to the specialist with what to revise; an approval given before is withdrawn.
 * The dossier stays in processing (status 4) and its deadline runs on.
 *
 * @param assignee username of the specialist who revises it
 * @param requestedBy the leader's name
 */
@EventContract(type = "DossierRevisionRequested", version = 1, topic = Topics.DOSSIER)
public record DossierRevisionRequested(
        DossierSnapshot dossier,
        String assignee,
        String reason,
        String requestedBy,
        Instant requestedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
