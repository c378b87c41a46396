package vn.motcua.dossier.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.DossierAccess;
import vn.motcua.dossier.core.ResultDelivery;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.DocumentStore;
import vn.motcua.events.Event;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.EventRecorder;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Carries out the processing steps people take on a dossier: finds it within the caller's
 * reach, checks the role, lets the dossier decide whether the step is legal, and stores the new
 * state with its history entry and events in one guarded write.
 */
@Service
public class Lifecycle {
    private final DossierAccess access;
    private final AggregateStore aggregates;
    private final EventRecorder recorder;
    private final DeadlinePolicy deadlines;
    private final DocumentStore documents;
    private final Clock clock;

    Lifecycle(DossierAccess access, AggregateStore aggregates, EventRecorder recorder, DeadlinePolicy deadlines,
            DocumentStore documents, Clock clock) {
        this.access = access;
        this.aggregates = aggregates;
        this.recorder = recorder;
        this.deadlines = deadlines;
        this.documents = documents;
        this.clock = clock;
    }

    public Dossier receive(String code, Caller caller, Long ifMatch, List<String> paperDocuments) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.OFFICER}, (dossier, actor, now) -> {
            Set<String> present = new LinkedHashSet<>(documents.kindsOf(code));
            present.addAll(paperDocuments);
            return dossier.receive(actor, List.copyOf(present), deadlines, now);
        });
    }

    public Dossier refuse(String code, Caller caller, Long ifMatch, String reason) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.OFFICER},
                (dossier, actor, now) -> dossier.refuse(actor, reason, now));
    }

    public Dossier assign(String code, Caller caller, Long ifMatch, String specialist) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.OFFICER, Role.LEADER},
                (dossier, actor, now) -> dossier.assign(actor, specialist, now));
    }

    public Dossier requestSupplement(String code, Caller caller, Long ifMatch, String reason, List<String> documentsAsked) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.SPECIALIST},
                (dossier, actor, now) -> dossier.requestSupplement(actor, reason, documentsAsked, deadlines, now));
    }

    public Dossier requestFinancialObligation(String code, Caller caller, Long ifMatch, long amount, String reason) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.SPECIALIST},
                (dossier, actor, now) -> dossier.requestFinancialObligation(actor, amount, reason, deadlines, now));
    }

    public Dossier approve(String code, Caller caller, Long ifMatch, String note) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.LEADER},
                (dossier, actor, now) -> dossier.approve(actor, note, now));
    }

    public Dossier markResultReady(String code, Caller caller, Long ifMatch) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.SPECIALIST, Role.OFFICER, Role.LEADER},
                (dossier, actor, now) -> dossier.markResultReady(actor, now));
    }

    public Dossier returnResult(String code, Caller caller, Long ifMatch) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.OFFICER},
                (dossier, actor, now) -> dossier.returnResult(actor, handedOver(dossier), now));
    }

    /** What an officer records: handed over online, or at the counter; a postal return is confirmed by the operator. */
    private static ResultDelivery handedOver(Dossier dossier) {
        return dossier.resultDelivery() == ResultDelivery.ONLINE ? ResultDelivery.ONLINE : ResultDelivery.COUNTER;
    }

    public Dossier stop(String code, Caller caller, Long ifMatch, String reason) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.LEADER, Role.SPECIALIST},
                (dossier, actor, now) -> dossier.stop(actor, reason, now));
    }

    public Dossier extendDueDate(String code, Caller caller, Long ifMatch, LocalDate newDueDate, String reason) {
        return asStaff(code, caller, ifMatch, new Role[] {Role.OFFICER, Role.LEADER},
                (dossier, actor, now) -> dossier.extendDueDate(actor, newDueDate, reason, deadlines, now));
    }

    public Dossier supplement(String code, Caller caller, Long ifMatch, String note) {
        Dossier dossier = access.ofOwner(code, caller);
        return apply(dossier, ifMatch, d -> d.supplement(Actor.of(caller, Role.CITIZEN), note, deadlines, clock.instant()));
    }

    public Dossier withdraw(String code, Caller caller, Long ifMatch, String reason) {
        Dossier dossier = access.ofOwner(code, caller);
        return apply(dossier, ifMatch, d -> d.withdraw(Actor.of(caller, Role.CITIZEN), reason, clock.instant()));
    }

    /** The postal operator confirmed delivery of the result. */
    public void returnedByPost(Dossier dossier, String shipmentId) {
        apply(dossier, null, d -> d.returnResult(Actor.ofEvent("postal-service", shipmentId), ResultDelivery.POST,
                clock.instant()));
    }

    public void obligationPaid(Dossier dossier, String paymentId) {
        apply(dossier, null, d -> d.meetFinancialObligation(Actor.ofEvent("payment-service", paymentId), paymentId,
                deadlines, clock.instant()));
    }

    @FunctionalInterface
    private interface StaffStep {
        List<Event> apply(Dossier dossier, Actor actor, Instant now);
    }

    private Dossier asStaff(String code, Caller caller, Long ifMatch, Role[] roles, StaffStep step) {
        Dossier dossier = access.ofStaff(code, caller);
        Role role = access.staffRole(dossier, caller, roles);
        return apply(dossier, ifMatch, d -> step.apply(d, Actor.of(caller, role), clock.instant()));
    }

    private Dossier apply(Dossier dossier, Long ifMatch, Function<Dossier, List<Event>> step) {
        if (ifMatch != null && !ifMatch.equals(dossier.version())) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Dossier changed",
                    "Dossier " + dossier.code() + " is at version " + dossier.version() + ", not " + ifMatch
                            + "; read it again and decide on its current state")
                    .with("currentVersion", dossier.version())
                    .with("currentStatus", dossier.status().code());
        }
        List<Event> events = step.apply(dossier);
        aggregates.update(dossier, recorder.record(events));
        return dossier;
    }
}
