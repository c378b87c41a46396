package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency recorded a delay with its reason and a new date; form 04 apologises to the applicant.
 */
@EventContract(type = "DossierDueDateExtended", version = 1, topic = Topics.DOSSIER)
public record DossierDueDateExtended(
        DossierSnapshot dossier,
        LocalDate previousDueDate,
        LocalDate newDueDate,
        String reason,
        Instant extendedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
