package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The dossier is due within the configured number of working days.
 */
@EventContract(type = "DossierAtRisk", version = 1, topic = Topics.DOSSIER)
public record DossierAtRisk(
        DossierSnapshot dossier,
        LocalDate dueDate,
        int workingDaysLeft,
        Instant detectedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
