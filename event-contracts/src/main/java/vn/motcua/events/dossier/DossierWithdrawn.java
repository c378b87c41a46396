package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The applicant withdrew the dossier (status 7).
 */
@EventContract(type = "DossierWithdrawn", version = 1, topic = Topics.DOSSIER)
public record DossierWithdrawn(
        DossierSnapshot dossier,
        String reason,
        Instant withdrawnAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
