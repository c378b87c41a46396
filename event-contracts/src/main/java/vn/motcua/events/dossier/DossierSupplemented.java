package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The applicant supplemented the dossier; processing resumes (status 4) with the due date moved by the pause.
 */
@EventContract(type = "DossierSupplemented", version = 1, topic = Topics.DOSSIER)
public record DossierSupplemented(
        DossierSnapshot dossier,
        LocalDate dueDate,
        Instant supplementedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
