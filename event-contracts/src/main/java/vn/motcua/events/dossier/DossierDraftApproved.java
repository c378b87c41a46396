package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A leader approved the draft result. The dossier stays in processing (status 4) until its result is marked ready;
 * a later send-back or a changed draft submitted again withdraws the approval.
 *
 * @param assignee username of the specialist whose draft it is
 * @param note what the leader says, or null
 * @param approvedBy the leader's name
 */
@EventContract(type = "DossierDraftApproved", version = 1, topic = Topics.DOSSIER)
public record DossierDraftApproved(
        DossierSnapshot dossier,
        String assignee,
        String note,
        String approvedBy,
        Instant approvedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
