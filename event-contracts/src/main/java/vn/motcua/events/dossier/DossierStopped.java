package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency stopped processing the dossier (status 8); the stop notice gives the reason.
 */
@EventContract(type = "DossierStopped", version = 1, topic = Topics.DOSSIER)
public record DossierStopped(
        DossierSnapshot dossier,
        String reason,
        Instant stoppedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
