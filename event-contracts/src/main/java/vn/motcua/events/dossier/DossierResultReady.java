package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The result is approved and ready to hand over (status 9).
 *
 * @param dueDate the due date in force, moved by a new date of form 04
 * @param dueDateByLaw the due date the law judges lateness by: moved by pauses, never by a new
 *     date (version 2; a version-1 record reads it as the due date)
 */
@EventContract(type = "DossierResultReady", version = 2, topic = Topics.DOSSIER)
public record DossierResultReady(
        DossierSnapshot dossier,
        String approvedBy,
        LocalDate dueDate,
        LocalDate dueDateByLaw,
        Instant readyAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
