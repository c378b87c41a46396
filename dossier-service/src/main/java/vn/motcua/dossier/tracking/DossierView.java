package vn.motcua.dossier.tracking;

import java.time.Instant;
import java.util.List;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.FeeLine;

/** A dossier as its owner and the agency's staff see it. */
public record DossierView(
        String code,
        String procedureCode,
        String procedureName,
        String agencyCode,
        Applicant applicant,
        String channel,
        int nationalStatus,
        String status,
        String resultDelivery,
        String feeTiming,
        List<FeeLine> feesDue,
        Instant submittedAt) {

    public static DossierView of(Dossier dossier) {
        return new DossierView(dossier.code(), dossier.procedureCode(), dossier.procedureName(), dossier.agencyCode(),
                dossier.applicant(), dossier.channel().name(), dossier.status().code(), dossier.status().name(),
                dossier.resultDelivery().name(), dossier.feeTiming(), dossier.feesDue(), dossier.submittedAt());
    }
}
