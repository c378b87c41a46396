package vn.motcua.dossier.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.core.Delay;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.SupplementRequest;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.FeeLine;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.payment.FeeStage;

/**
 * A dossier as its owner and the agency's staff see it.
 *
 * @param deadline ON_TRACK, AT_RISK or OVERDUE as the deadline watch last found it
 * @param paused true while the deadline clock stands still (supplement or financial obligation requested)
 * @param forms the forms issued so far: 01 receipt … 05 control slip, and "stop" for the stop notice
 * @param awaitsIntakeFee reception waits until the intake fee is paid (the procedure says so, and it is not yet)
 * @param awaitsResultFee fees fall due at the result and are not paid yet: an online result is released to the
 *     applicant, and so returned, once they are (ADR 0064, 0071)
 */
public record DossierView(
        String code,
        long version,
        String procedureCode,
        String procedureName,
        int catalogVersion,
        String agencyCode,
        Applicant applicant,
        String channel,
        String postalItemId,
        String postOffice,
        int nationalStatus,
        String status,
        String resultDelivery,
        FeeStage feeTiming,
        List<FeeLine> feesDue,
        List<PricedFeeLine> feeLines,
        boolean awaitsIntakeFee,
        boolean awaitsResultFee,
        Instant submittedAt,
        Instant receivedAt,
        LocalDate dueDate,
        String deadline,
        boolean paused,
        String assignee,
        String approvedBy,
        Instant resolvedAt,
        Instant closedAt,
        String closingReason,
        SupplementRequest supplementRequest,
        List<Delay> delays,
        List<String> forms) {

    public static DossierView of(Dossier dossier) {
        return new DossierView(dossier.code(), dossier.version() == null ? 0 : dossier.version(),
                dossier.procedureCode(), dossier.procedureName(), dossier.catalogVersion(), dossier.agencyCode(),
                dossier.applicant(), dossier.channel().name(), dossier.postalItemId(), dossier.postOffice(), dossier.status().code(), dossier.status().name(),
                dossier.resultDelivery().name(), dossier.feeTiming(), dossier.feesDue(), dossier.feeLines(), dossier.awaitsIntakeFee(),
                dossier.awaitsResultFee(),
                dossier.submittedAt(),
                dossier.receivedAt(), dossier.dueDate(), dossier.deadlineFlag().name(), dossier.isPaused(),
                dossier.assignee(), dossier.approvedBy(), dossier.resolvedAt(), dossier.closedAt(),
                dossier.closingReason(), dossier.supplementRequest(), dossier.delays(), IssuedForms.of(dossier));
    }
}
