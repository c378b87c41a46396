package vn.motcua.dossier.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.core.Action;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.DocumentStore;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Carries out the processing steps people take on a dossier: finds it within the caller's
 * reach, checks the step's role, lets the dossier decide whether the step is legal, and stores
 * the new state with its history entry and events in one guarded write.
 */
@Service
public class Lifecycle {
    private final DossierAccess access;
    private final AggregateStore dossiers;
    private final DeadlinePolicy deadlines;
    private final DocumentStore documents;
    private final Specialists specialists;
    private final Clock clock;

    Lifecycle(DossierAccess access, AggregateStore dossiers, DeadlinePolicy deadlines, DocumentStore documents,
            Specialists specialists, Clock clock) {
        this.access = access;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.documents = documents;
        this.specialists = specialists;
        this.clock = clock;
    }

    public Dossier receive(String code, Caller caller, IfMatch ifMatch, List<String> paperDocuments,
            boolean paperOriginalsSeen) {
        return take(Step.RECEIVE, code, caller, ifMatch, (dossier, actor, now) -> {
            Set<String> present = new LinkedHashSet<>(documents.kindsOf(dossier));
            present.addAll(paperDocuments);
            return dossier.receive(actor, List.copyOf(present), paperOriginalsSeen, deadlines, now);
        });
    }

    public Dossier refuse(String code, Caller caller, IfMatch ifMatch, String reason) {
        return take(Step.REFUSE, code, caller, ifMatch, (dossier, actor, now) -> dossier.refuse(actor, reason, now));
    }

    public Dossier requestIntakeSupplement(String code, Caller caller, IfMatch ifMatch, String reason, List<String> asked) {
        return take(Step.REQUEST_INTAKE_SUPPLEMENT, code, caller, ifMatch,
                (dossier, actor, now) -> dossier.requestIntakeSupplement(actor, reason, asked, now));
    }

    /**
     * The dossier goes to a specialist of its agency as the realm holds them, under the realm's spelling of their
     * username (ADR 0058): a mistyped or departed username, or a colleague in another role, would leave it in nobody's
     * queue. A step the dossier's status does not allow is refused as such before the realm is asked.
     */
    public Dossier assign(String code, Caller caller, IfMatch ifMatch, String specialist) {
        return take(Step.ASSIGN, code, caller, ifMatch, (dossier, actor, now) -> {
            dossier.checkAllowed(Action.ASSIGN);
            return dossier.assign(actor, specialists.specialistOrRefuse(specialist, dossier.agencyCode(), "assignee"), now);
        });
    }

    public Dossier requestSupplement(String code, Caller caller, IfMatch ifMatch, String reason, List<String> asked) {
        return take(Step.REQUEST_SUPPLEMENT, code, caller, ifMatch,
                (dossier, actor, now) -> dossier.requestSupplement(actor, reason, asked, deadlines, now));
    }

    public Dossier requestFinancialObligation(String code, Caller caller, IfMatch ifMatch, long amount, String reason) {
        return take(Step.REQUEST_FINANCIAL_OBLIGATION, code, caller, ifMatch,
                (dossier, actor, now) -> dossier.requestFinancialObligation(actor, amount, reason, deadlines, now));
    }

    public Dossier approve(String code, Caller caller, IfMatch ifMatch, String note) {
        return take(Step.APPROVE, code, caller, ifMatch, (dossier, actor, now) -> dossier.approve(actor, note, now));
    }

    public Dossier requestApproval(String code, Caller caller, IfMatch ifMatch, String note) {
        return take(Step.REQUEST_APPROVAL, code, caller, ifMatch, (dossier, actor, now) -> dossier.requestApproval(actor, note, now));
    }

    public Dossier requestRevision(String code, Caller caller, IfMatch ifMatch, String reason) {
        return take(Step.REQUEST_REVISION, code, caller, ifMatch, (dossier, actor, now) -> dossier.requestRevision(actor, reason, now));
    }

    public Dossier markResultReady(String code, Caller caller, IfMatch ifMatch) {
        return take(Step.MARK_RESULT_READY, code, caller, ifMatch, (dossier, actor, now) -> {
            String copy = documents.resultCopyOf(code);
            // Told "receive it online in your dossier", the applicant must find it there (ADR 0045).
            if (dossier.resultDelivery() == ResultDelivery.ONLINE && copy == null) {
                throw ApiProblem.unprocessable("result-file-missing", "Dossier " + code + " has its result handed over"
                        + " online: attach its electronic copy as a document of kind \"" + DocumentStore.RESULT_KIND
                        + "\" first").with("kind", DocumentStore.RESULT_KIND);
            }
            return dossier.markResultReady(actor, copy, now);
        });
    }

    /**
     * @param via how the officer handed it over, ONLINE or COUNTER; null: as the applicant asked (online, or else at the
     *     counter). A postal return is confirmed by the operator.
     */
    public Dossier returnResult(String code, Caller caller, IfMatch ifMatch, ResultDelivery via) {
        return take(Step.RETURN_RESULT, code, caller, ifMatch,
                (dossier, actor, now) -> dossier.returnResult(actor, via != null ? via : handedOver(dossier), now));
    }

    private static ResultDelivery handedOver(Dossier dossier) {
        return dossier.resultDelivery() == ResultDelivery.ONLINE ? ResultDelivery.ONLINE : ResultDelivery.COUNTER;
    }

    public Dossier stop(String code, Caller caller, IfMatch ifMatch, String reason) {
        return take(Step.STOP, code, caller, ifMatch, (dossier, actor, now) -> dossier.stop(actor, reason, now));
    }

    public Dossier extendDueDate(String code, Caller caller, IfMatch ifMatch, LocalDate newDueDate, String reason) {
        return take(Step.EXTEND_DUE_DATE, code, caller, ifMatch,
                (dossier, actor, now) -> dossier.extendDueDate(actor, newDueDate, reason, deadlines, now));
    }

    public Dossier supplement(String code, Caller caller, IfMatch ifMatch, String note) {
        return take(Step.SUPPLEMENT, code, caller, ifMatch,
                (dossier, actor, now) -> dossier.supplement(actor, note, arrivedSinceRequest(dossier), deadlines, now));
    }

    private List<String> arrivedSinceRequest(Dossier dossier) {
        return dossier.supplementRequest() == null ? List.of()
                : documents.kindsOf(dossier, dossier.supplementRequest().requestedAt());
    }

    public Dossier withdraw(String code, Caller caller, IfMatch ifMatch, String reason) {
        return take(Step.WITHDRAW, code, caller, ifMatch, (dossier, actor, now) -> dossier.withdraw(actor, reason, now));
    }

    /**
     * The postal operator confirmed delivery of the result.
     *
     * @return false when this delivery had been applied before
     */
    public boolean returnedByPost(Dossier dossier, String eventId, String shipmentId) {
        return dossiers.applyOnce(dossier, eventId, d -> d.returnResult(Actor.ofEvent("postal-service", shipmentId),
                ResultDelivery.POST, clock.instant()));
    }

    /** @return false when this return had been applied before */
    public boolean resultBackFromPost(Dossier dossier, String eventId, String shipmentId, String reason) {
        return dossiers.applyOnce(dossier, eventId, d -> d.resultBackFromPost(Actor.ofEvent("postal-service", shipmentId),
                shipmentId, reason, clock.instant()));
    }

    /** @return false when this payment had been applied before */
    public boolean intakeFeePaid(Dossier dossier, String eventId) {
        return dossiers.applyOnce(dossier, eventId, Dossier::intakeFeePaid);
    }

    /** @return false when this payment had been applied before */
    public boolean resultFeePaid(Dossier dossier, String eventId) {
        return dossiers.applyOnce(dossier, eventId, d -> d.resultFeePaid(clock.instant()));
    }

    /** @return false when this payment had been applied before */
    public boolean obligationPaid(Dossier dossier, String eventId, String paymentId) {
        return dossiers.applyOnce(dossier, eventId, d -> d.meetFinancialObligation(
                Actor.ofEvent("payment-service", paymentId), paymentId, deadlines, clock.instant()));
    }

    @FunctionalInterface
    private interface Change {
        List<Event> apply(Dossier dossier, Actor actor, Instant now);
    }

    private Dossier take(Step step, String code, Caller caller, IfMatch ifMatch, Change change) {
        Role role = step.roleOf(caller);
        Dossier dossier = step.byOwner() ? access.ofOwner(code, caller) : access.ofStaff(code, caller);
        if (ifMatch.isPresent() && !ifMatch.version().equals(dossier.version())) {
            throw IfMatch.stale("stale-version", "Dossier " + dossier.code() + " is at version " + dossier.version()
                            + ", not " + ifMatch.version() + "; read it again and decide on its current state", dossier.version())
                    .with("currentStatus", dossier.status().code());
        }
        dossiers.update(dossier, change.apply(dossier, Actor.of(caller, role), clock.instant()));
        return dossier;
    }
}
