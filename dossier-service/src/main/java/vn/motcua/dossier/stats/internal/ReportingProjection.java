package vn.motcua.dossier.stats.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFinancialObligationMet;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierSupplemented;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.feedback.FeedbackAnswered;
import vn.motcua.events.feedback.FeedbackFiled;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * Keeps what the statistics need, so that a year of a province is read from a few thousand small
 * documents instead of every dossier: per agency and day, counters of what happened that day
 * (each event counted once: its id is pushed in the same atomic update as the increment); and one
 * small document per dossier still in hand and per feedback still unanswered, for the figures
 * that depend on the day they are asked. Events of one dossier arrive in order, so replaying
 * them converges to the same documents.
 */
@Component
public class ReportingProjection implements EventSubscriber {
    public static final String DAYS = "report_days";
    public static final String OPEN_DOSSIERS = "report_open_dossiers";
    public static final String OPEN_FEEDBACK = "report_open_feedback";

    private final MongoTemplate mongo;
    private final ZoneId zone;

    ReportingProjection(MongoTemplate mongo, @Value("${motcua.dossier.time-zone}") ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierReceived.class, this::received)
                .on(DossierRejected.class, event -> count(event.data().dossier(), event.data().rejectedAt(), event, "notAccepted"))
                .on(DossierSupplementRequested.class, event -> pause(event.data().dossier()))
                .on(DossierFinancialObligationRequested.class, event -> pause(event.data().dossier()))
                .on(DossierSupplemented.class, event -> resume(event.data().dossier(), event.data().dueDate()))
                .on(DossierFinancialObligationMet.class, event -> resume(event.data().dossier(), event.data().dueDate()))
                .on(DossierDueDateExtended.class, event -> setOpen(event.data().dossier(), new Update()
                        .set("dueDate", event.data().newDueDate())))
                .on(DossierTransferred.class, event -> setOpen(event.data().dossier(), new Update()
                        .set("agencyCode", event.data().dossier().agencyCode())))
                .on(DossierResultReady.class, this::resolved)
                .on(DossierRevisionRequested.class, event -> count(event.data().dossier(), event.data().requestedAt(), event,
                        "sentBackForRevision"))
                .on(DossierReturned.class, this::returned)
                .on(DossierStopped.class, event -> close(event.data().dossier()))
                .on(DossierWithdrawn.class, event -> close(event.data().dossier()))
                .on(FeedbackFiled.class, this::feedbackFiled)
                .on(FeedbackAnswered.class, this::feedbackAnswered);
    }

    private void received(IncomingEvent<DossierReceived> event) {
        DossierReceived received = event.data();
        DossierSnapshot dossier = received.dossier();
        count(dossier, received.receivedAt(), event, "received_" + dossier.submittedVia().name());
        mongo.upsert(new Query(where("_id").is(dossier.dossierCode())), new Update()
                .set("agencyCode", dossier.agencyCode()).set("receivedAt", received.receivedAt())
                .set("dueDate", received.dueDate()).set("paused", false), OPEN_DOSSIERS);
    }

    private void resolved(IncomingEvent<DossierResultReady> event) {
        DossierResultReady ready = event.data();
        LocalDate resolvedOn = day(ready.readyAt());
        LocalDate due = ready.dueDateByLaw();
        String counter = due == null ? null : resolvedOn.isBefore(due) ? "resolvedEarly"
                : resolvedOn.isEqual(due) ? "resolvedOnTime" : "resolvedLate";
        if (counter != null) {
            count(ready.dossier(), ready.readyAt(), event, counter);
        }
        close(ready.dossier());
    }

    private void returned(IncomingEvent<DossierReturned> event) {
        if (ResultDelivery.POST.name().equals(event.data().returnedVia())) {
            count(event.data().dossier(), event.data().returnedAt(), event, "returnedByPost");
        }
        close(event.data().dossier());
    }

    private void feedbackFiled(IncomingEvent<FeedbackFiled> event) {
        FeedbackFiled filed = event.data();
        count(filed.agencyCode(), filed.filedAt(), event.eventId(), "feedbackReceived");
        mongo.upsert(new Query(where("_id").is(filed.feedbackId())), new Update().set("agencyCode", filed.agencyCode())
                .set("filedAt", filed.filedAt()).set("answerDue", filed.answerDue()), OPEN_FEEDBACK);
    }

    private void feedbackAnswered(IncomingEvent<FeedbackAnswered> event) {
        FeedbackAnswered answered = event.data();
        if (answered.late()) {
            count(answered.agencyCode(), answered.answeredAt(), event.eventId(), "feedbackAnswered", "feedbackAnsweredLate");
        } else {
            count(answered.agencyCode(), answered.answeredAt(), event.eventId(), "feedbackAnswered");
        }
        mongo.remove(new Query(where("_id").is(answered.feedbackId())), OPEN_FEEDBACK);
    }

    private void pause(DossierSnapshot dossier) {
        setOpen(dossier, new Update().set("paused", true));
    }

    private void resume(DossierSnapshot dossier, LocalDate dueDate) {
        setOpen(dossier, dueDate == null ? new Update().set("paused", false)
                : new Update().set("paused", false).set("dueDate", dueDate));
    }

    /** Only dossiers in hand have a document: a supplement asked at reception changes nothing here. */
    private void setOpen(DossierSnapshot dossier, Update update) {
        mongo.updateFirst(new Query(where("_id").is(dossier.dossierCode())), update, OPEN_DOSSIERS);
    }

    private void close(DossierSnapshot dossier) {
        mongo.remove(new Query(where("_id").is(dossier.dossierCode())), OPEN_DOSSIERS);
    }

    private void count(DossierSnapshot dossier, Instant at, IncomingEvent<?> event, String counter) {
        count(dossier.agencyCode(), at, event.eventId(), counter);
    }

    private void count(String agencyCode, Instant at, String eventId, String... counters) {
        LocalDate day = day(at);
        Update update = new Update().setOnInsert("agencyCode", agencyCode).setOnInsert("day", day).push("appliedEventIds", eventId);
        for (String counter : counters) {
            update.inc(counter, 1);
        }
        try {
            mongo.upsert(new Query(where("_id").is(agencyCode + "|" + day).and("appliedEventIds").ne(eventId)), update, DAYS);
        } catch (DuplicateKeyException countedBefore) {
            // The day's document holds this event id already: a redelivery, counted once.
        }
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
