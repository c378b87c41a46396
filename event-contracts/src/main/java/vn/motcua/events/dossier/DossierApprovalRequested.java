package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A specialist submitted the draft result to the agency's leaders for approval. The dossier stays in processing (status
 * 4) until a leader approves it or sends it back.
 *
 * @param assignee username of the specialist the dossier is assigned to
 * @param note what the specialist says to the leader, or null
 * @param requestedBy the name of the specialist who submitted it
 */
@EventContract(type = "DossierApprovalRequested", version = 1, topic = Topics.DOSSIER)
public record DossierApprovalRequested(
        DossierSnapshot dossier,
        String assignee,
        String note,
        String requestedBy,
        Instant requestedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
