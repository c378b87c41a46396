package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The result is approved and ready to hand over (status 9).
 */
@EventContract(type = "DossierResultReady", version = 1, topic = Topics.DOSSIER)
public record DossierResultReady(
        DossierSnapshot dossier,
        String approvedBy,
        LocalDate dueDate,
        Instant readyAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
