package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency refused to receive the dossier (status 3); form 03 gives the reason.
 */
@EventContract(type = "DossierRejected", version = 1, topic = Topics.DOSSIER)
public record DossierRejected(
        DossierSnapshot dossier,
        String reason,
        Instant rejectedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
