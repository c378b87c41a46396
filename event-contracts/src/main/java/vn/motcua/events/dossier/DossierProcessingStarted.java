package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A specialist was assigned and processing began (status 4).
 * @param assignee username of the specialist
 */
@EventContract(type = "DossierProcessingStarted", version = 1, topic = Topics.DOSSIER)
public record DossierProcessingStarted(
        DossierSnapshot dossier,
        String assignee,
        LocalDate dueDate,
        Instant startedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
