package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The financial obligation was paid; processing resumes (status 4).
 */
@EventContract(type = "DossierFinancialObligationMet", version = 1, topic = Topics.DOSSIER)
public record DossierFinancialObligationMet(
        DossierSnapshot dossier,
        String paymentId,
        LocalDate dueDate,
        Instant metAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
