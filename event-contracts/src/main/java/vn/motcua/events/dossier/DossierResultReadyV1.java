package vn.motcua.events.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;
import vn.motcua.events.Upcast;

/**
 * Version 1 of {@link DossierResultReady}, before it carried the law's due date. Read as version
 * 2 with the due date in force as the law's: the same unless a new date of form 04 was set.
 */
@EventContract(type = "DossierResultReady", version = 1, topic = Topics.DOSSIER)
public record DossierResultReadyV1(
        DossierSnapshot dossier,
        String approvedBy,
        LocalDate dueDate,
        Instant readyAt) implements Upcast<DossierResultReady> {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }

    @Override
    public DossierResultReady upcast() {
        return new DossierResultReady(dossier, approvedBy, dueDate, dueDate, readyAt);
    }
}
