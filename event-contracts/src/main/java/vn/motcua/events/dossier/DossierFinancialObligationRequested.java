package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The applicant must meet a financial obligation (status 6); the deadline clock pauses.
 * @param amount Vietnamese đồng
 */
@EventContract(type = "DossierFinancialObligationRequested", version = 1, topic = Topics.DOSSIER)
public record DossierFinancialObligationRequested(
        DossierSnapshot dossier,
        long amount,
        String reason,
        Instant requestedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
