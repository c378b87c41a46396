package vn.motcua.events.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;
import vn.motcua.events.Upcast;
import vn.motcua.events.payment.FeeStage;

/**
 * Version 1 of {@link DossierSubmitted}, as published until the dossier snapshot was shared by
 * every dossier event. Kept so that records already on the topic (and replays of them) are
 * still read: a consumer asking for {@link DossierSubmitted} gets this one raised to version 2.
 */
@EventContract(type = "DossierSubmitted", version = 1, topic = Topics.DOSSIER)
public record DossierSubmittedV1(
        String dossierCode,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String ownerCitizenId,
        Applicant applicant,
        int channel,
        int nationalStatus,
        FeeStage feeTiming,
        List<FeeLine> feesDue,
        ResultDelivery resultDelivery,
        Instant submittedAt) implements Upcast<DossierSubmitted> {

    @Override
    public String subject() {
        return dossierCode;
    }

    @Override
    public DossierSubmitted upcast() {
        return new DossierSubmitted(new DossierSnapshot(dossierCode, procedureCode, agencyCode, ownerCitizenId, channel,
                resultDelivery, nationalStatus), procedureName, applicant, feeTiming, feesDue, submittedAt);
    }
}
