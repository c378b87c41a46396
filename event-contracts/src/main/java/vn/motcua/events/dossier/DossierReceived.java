package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency accepted the dossier (status 2) and set its due date; form 01 was issued.
 * @param dueDate last working day for the result
 */
@EventContract(type = "DossierReceived", version = 1, topic = Topics.DOSSIER)
public record DossierReceived(
        DossierSnapshot dossier,
        LocalDate dueDate,
        String receivedBy,
        Instant receivedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
