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
 * @param feesDueAtResult the fees that fall due at the result and are still unpaid, in đồng: an
 *     online result is released once they are paid (ADR 0064), the postman collects them with a
 *     result by post; null in records written before it, read as none
 */
@EventContract(type = "DossierResultReady", version = 2, topic = Topics.DOSSIER)
public record DossierResultReady(
        DossierSnapshot dossier,
        String approvedBy,
        LocalDate dueDate,
        LocalDate dueDateByLaw,
        Instant readyAt,
        Long feesDueAtResult) implements Event {

    /** A result with nothing left to pay at it. */
    public DossierResultReady(DossierSnapshot dossier, String approvedBy, LocalDate dueDate, LocalDate dueDateByLaw, Instant readyAt) {
        this(dossier, approvedBy, dueDate, dueDateByLaw, readyAt, null);
    }

    /** What is left to pay at the result: none when nothing was said. */
    public long feesStillDue() {
        return feesDueAtResult == null ? 0 : feesDueAtResult;
    }

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
