package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The dossier passed its due date without a result.
 */
@EventContract(type = "DossierOverdue", version = 1, topic = Topics.DOSSIER)
public record DossierOverdue(
        DossierSnapshot dossier,
        LocalDate dueDate,
        Instant detectedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
