package vn.motcua.events.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A dossier was submitted and registered (national status 1). Carries what the other
 * services need to react without calling back: the owner, how to reach them, the fees
 * due at intake and how the result should come back.
 *
 * @param channel national channel code: 1 in person, 2 online, 3 public postal service
 * @param nationalStatus national status code, 1 = newly registered
 * @param feeTiming INTAKE, RESULT or null when the procedure has no fee
 * @param resultDelivery COUNTER, ONLINE or POST
 */
@EventContract(type = "DossierSubmitted", version = 1, topic = Topics.DOSSIER)
public record DossierSubmitted(
        String dossierCode,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String ownerCitizenId,
        Applicant applicant,
        int channel,
        int nationalStatus,
        String feeTiming,
        List<FeeLine> feesDue,
        String resultDelivery,
        Instant submittedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }

    public long totalDue() {
        return feesDue == null ? 0 : feesDue.stream().mapToLong(FeeLine::amount).sum();
    }
}
