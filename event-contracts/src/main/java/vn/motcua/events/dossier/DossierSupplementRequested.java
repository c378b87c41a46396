package vn.motcua.events.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The applicant must supplement the dossier (status 5); the deadline clock pauses; form 02.
 */
@EventContract(type = "DossierSupplementRequested", version = 1, topic = Topics.DOSSIER)
public record DossierSupplementRequested(
        DossierSnapshot dossier,
        String reason,
        List<String> documentsRequested,
        Instant requestedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
