package vn.motcua.notification.warnings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierApprovalRequested;
import vn.motcua.events.dossier.DossierAtRisk;
import vn.motcua.events.dossier.DossierDraftApproved;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierReassigned;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.notification.delivery.Deliveries;
import vn.motcua.notification.inbox.Message;

/**
 * Keeps the dossiers the warnings watch (assignee, as reassigned; flag) and tells the staff at once: a specialist of a
 * dossier given to them or passed from them to another; of an overdue one, the assigned specialist and the agency's
 * one-stop officers, each once per event; a specialist of a draft
 * result their leader sent back or approved; and the agency's leaders of a draft submitted for their approval, which
 * stays in their morning digest until one of them decides.
 */
@Component
class WarnsOfficers implements EventSubscriber {
    private final MongoTemplate mongo;
    private final OfficerDirectory directory;
    private final StaffMessages messages;
    private final Deliveries deliveries;

    WarnsOfficers(MongoTemplate mongo, OfficerDirectory directory, StaffMessages messages, Deliveries deliveries) {
        this.mongo = mongo;
        this.directory = directory;
        this.messages = messages;
        this.deliveries = deliveries;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierProcessingStarted.class, this::assigned)
                .on(DossierReassigned.class, this::reassigned)
                .on(DossierTransferred.class, event -> moved(event.data().dossier()))
                .on(DossierAtRisk.class, event -> watch(event.data().dossier(), new Update().set("flag", "AT_RISK")
                        .set("dueDate", event.data().dueDate()).set("flaggedAt", event.data().detectedAt())))
                .on(DossierOverdue.class, this::overdue)
                .on(DossierRevisionRequested.class, this::revisionRequested)
                .on(DossierApprovalRequested.class, this::approvalRequested)
                .on(DossierDraftApproved.class, this::draftApproved)
                .on(DossierResultReady.class, event -> forget(event.data().dossier()))
                .on(DossierReturned.class, event -> forget(event.data().dossier()))
                .on(DossierStopped.class, event -> forget(event.data().dossier()))
                .on(DossierWithdrawn.class, event -> forget(event.data().dossier()))
                .on(DossierRejected.class, event -> forget(event.data().dossier()));
    }

    /** The specialist given a dossier: told at once, once, so it does not wait in their queue unseen. */
    private void assigned(IncomingEvent<DossierProcessingStarted> event) {
        DossierProcessingStarted started = event.data();
        watch(started.dossier(), new Update().set("assignee", started.assignee()).set("dueDate", started.dueDate()));
        tellSpecialist(event, started.assignee(), started.dossier(), messages.assigned(started));
    }

    /**
     * Both specialists of a dossier passed on, each once: the new one that it is theirs now, the previous one that it
     * no longer is, so nobody works on a dossier twice or leaves it thinking the other has it.
     */
    private void reassigned(IncomingEvent<DossierReassigned> event) {
        DossierReassigned reassigned = event.data();
        WatchedDossier watched = watch(reassigned.dossier(), new Update().set("assignee", reassigned.assignee()));
        tellSpecialist(event, reassigned.assignee(), reassigned.dossier(), messages.handedOver(reassigned, watched.dueDate()));
        tellSpecialist(event, reassigned.previousAssignee(), reassigned.dossier(), messages.handedAway(reassigned));
    }

    private void overdue(IncomingEvent<DossierOverdue> event) {
        DossierOverdue overdue = event.data();
        WatchedDossier watched = watch(overdue.dossier(), new Update().set("flag", "OVERDUE").set("dueDate", overdue.dueDate())
                .set("flaggedAt", overdue.detectedAt()));
        Map<String, Officer> staff = new LinkedHashMap<>();
        if (watched.assignee() != null) {
            directory.byUsername(watched.assignee()).ifPresent(o -> staff.put(o.username(), o));
        }
        directory.oneStopOfficers(watched.agencyCode()).forEach(o -> staff.putIfAbsent(o.username(), o));
        for (Officer officer : staff.values()) {
            tell(event, officer, overdue.dossier(), messages.overdue(overdue, watched.assignee()));
        }
    }

    /** The specialist whose draft the leader sent back: told at once, once, what to revise. */
    private void revisionRequested(IncomingEvent<DossierRevisionRequested> event) {
        DossierRevisionRequested revision = event.data();
        watch(revision.dossier(), new Update().unset("approvalRequestedAt"));
        tellSpecialist(event, revision.assignee(), revision.dossier(), messages.revisionRequested(revision));
    }

    /** The agency's leaders, of a draft submitted for their approval: told at once, each once. */
    private void approvalRequested(IncomingEvent<DossierApprovalRequested> event) {
        DossierApprovalRequested request = event.data();
        watch(request.dossier(), new Update().set("approvalRequestedAt", request.requestedAt()).set("assignee", request.assignee()));
        for (Officer leader : directory.leaders(request.dossier().agencyCode())) {
            tell(event, leader, request.dossier(), messages.approvalRequested(request));
        }
    }

    /** The specialist whose draft a leader approved: told at once, once, so the result is completed and handed over. */
    private void draftApproved(IncomingEvent<DossierDraftApproved> event) {
        DossierDraftApproved approval = event.data();
        watch(approval.dossier(), new Update().unset("approvalRequestedAt"));
        tellSpecialist(event, approval.assignee(), approval.dossier(), messages.draftApproved(approval));
    }

    private void tellSpecialist(IncomingEvent<?> event, String username, DossierSnapshot dossier, Message message) {
        directory.byUsername(username).ifPresent(specialist -> tell(event, specialist, dossier, message));
    }

    /** A member of staff, once per event: the message's id is the event's and theirs. */
    private void tell(IncomingEvent<?> event, Officer staff, DossierSnapshot dossier, Message message) {
        deliveries.tellStaff(event.eventId() + ":" + staff.username(), staff.recipientId(), dossier.dossierCode(), message,
                staff.email());
    }

    private WatchedDossier watch(DossierSnapshot dossier, Update update) {
        update.set("agencyCode", dossier.agencyCode());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(dossier.dossierCode())), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), WatchedDossier.class);
    }

    /** A watched dossier moved to a dissolved agency's successor: its staff are warned of it from now on. */
    private void moved(DossierSnapshot dossier) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(dossier.dossierCode())), new Update().set("agencyCode", dossier.agencyCode()),
                WatchedDossier.class);
    }

    private void forget(DossierSnapshot dossier) {
        mongo.remove(Query.query(Criteria.where("_id").is(dossier.dossierCode())), WatchedDossier.class);
    }
}
