package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The result reached the applicant (status 10): handed over at the counter, delivered by post, or released online to
 * the applicant's account (in the same write as DossierResultReady, or when the fee due at the result was paid).
 * @param returnedVia COUNTER, ONLINE or POST
 */
@EventContract(type = "DossierReturned", version = 1, topic = Topics.DOSSIER)
public record DossierReturned(
        DossierSnapshot dossier,
        String returnedVia,
        Instant returnedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
