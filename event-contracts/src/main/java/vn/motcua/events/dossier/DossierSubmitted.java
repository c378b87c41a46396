package vn.motcua.events.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;
import vn.motcua.events.payment.FeeStage;

/**
 * A dossier was submitted and registered (national status 1). Besides the snapshot every dossier
 * event carries, it says what the other services need to react without calling back: how to
 * reach the applicant and the fees due.
 *
 * @param feeTiming when the fees fall due, or null when the procedure has none
 * @param collectedItemId the item id of the envelope the post collected the paper dossier in, when the officer registered it
 *     from one (ADR 0081); null otherwise (added in place on 2026-12-07; absent in older records)
 */
@EventContract(type = "DossierSubmitted", version = 2, topic = Topics.DOSSIER)
public record DossierSubmitted(
        DossierSnapshot dossier,
        String procedureName,
        Applicant applicant,
        FeeStage feeTiming,
        List<FeeLine> feesDue,
        Instant submittedAt,
        String collectedItemId) implements Event {

    public DossierSubmitted(DossierSnapshot dossier, String procedureName, Applicant applicant, FeeStage feeTiming, List<FeeLine> feesDue,
            Instant submittedAt) {
        this(dossier, procedureName, applicant, feeTiming, feesDue, submittedAt, null);
    }

    @Override
    public String subject() {
        return dossier.dossierCode();
    }

    public long totalDue() {
        return feesDue == null ? 0 : feesDue.stream().mapToLong(FeeLine::amount).sum();
    }
}
