package vn.motcua.dossier.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/** Files citizens' feedback against their dossier or an agency, and records the agency's answer. */
@Service
public class FeedbackDesk implements ReachedFirst.Reach {
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final DossierAccess access;
    private final Catalog catalog;
    private final DeadlinePolicy deadlines;
    private final Clock clock;
    private final int answerWithinWorkingDays;

    FeedbackDesk(MongoTemplate mongo, AggregateStore store, DossierAccess access, Catalog catalog, DeadlinePolicy deadlines, Clock clock,
            @Value("${motcua.dossier.feedback.answer-within-working-days}") int answerWithinWorkingDays) {
        this.mongo = mongo;
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.clock = clock;
        this.answerWithinWorkingDays = answerWithinWorkingDays;
    }

    /**
     * Feedback on the caller's own dossier (its agency answers), or on an agency.
     *
     * @param claim the Idempotency-Key's claim it is filed under, which names it ({@link #filedUnder})
     */
    public Feedback file(Caller citizen, String dossierCode, String agencyCode, Feedback.Kind kind, String text,
            IdempotencyKeys.Claim claim) {
        if (citizen.citizenId() == null) {
            throw ApiProblem.forbidden("Your account has no citizen id number; it cannot file feedback");
        }
        String agency;
        if (dossierCode != null) {
            agency = ownDossiersAgency(dossierCode, citizen);
            if (agencyCode != null && !agencyCode.equals(agency)) {
                throw ApiProblem.unprocessable("agency-not-the-dossiers", "Dossier " + dossierCode + " is handled by "
                        + agency + ", not " + agencyCode + "; leave agencyCode out");
            }
        } else if (agencyCode != null) {
            agency = catalog.knownAgency(agencyCode).code();
        } else {
            throw ApiProblem.badRequest("feedback-target-missing", "Say what the feedback is about: dossierCode or agencyCode");
        }
        Instant now = clock.instant();
        LocalDate due = deadlines.calendar().plusWorkingDays(deadlines.countingDay(now), answerWithinWorkingDays);
        return store.insert(Feedback.filed(claim.idOfCreation(), citizen.citizenId(), agency, dossierCode, kind, text, now, due));
    }

    /** The feedback a dead attempt under this claim filed before it could answer. */
    public Optional<Feedback> filedUnder(IdempotencyKeys.Claim claim) {
        return claim.createdBefore(claimId -> Optional.ofNullable(mongo.findById(claim.idOfCreation(), Feedback.class)));
    }

    /**
     * A dossier named in the body is a reference, as an agency code is: one the caller may not act on
     * for is refused as one that does not exist (422 alike, so neither tells the other apart).
     */
    private String ownDossiersAgency(String dossierCode, Caller citizen) {
        return access.ownedBy(dossierCode, citizen).orElseThrow(() -> ApiProblem.unprocessable("unknown-dossier",
                "No dossier of yours has code " + dossierCode).with("dossierCode", dossierCode)).agencyCode();
    }

    public Feedback answer(String id, Caller staff, String text) {
        Feedback feedback = find(id, staff);
        if (feedback.answered()) {
            throw ApiProblem.conflict("feedback-answered", "Feedback " + id + " was answered already");
        }
        Instant now = clock.instant();
        try {
            store.update(feedback, feedback.answer(text, staff.username(), now, deadlines.today(now)));
            return feedback;
        } catch (OptimisticLockingFailureException e) {
            throw ApiProblem.conflict("feedback-answered", "Feedback " + id + " was answered at the same time");
        }
    }

    /** The feedback a citizen filed, or the feedback an agency's staff must answer; else reported missing. */
    public Feedback find(String id, Caller caller) {
        Feedback feedback = mongo.findById(id, Feedback.class);
        if (feedback == null || !(caller.isCitizen(feedback.citizenId()) || caller.worksFor(feedback.agencyCode()))) {
            throw ApiProblem.notFound("Feedback", id);
        }
        return feedback;
    }

    /** Feedback not the caller's is 404 before an answer to it is read (ADR 0039). */
    @Override
    public void check(String id, Caller caller) {
        find(id, caller);
    }

    /** A citizen's own, newest first, a page at a time. */
    public List<Feedback> ofCitizen(String citizenId, Pageable page) {
        return mongo.find(new Query(where("citizenId").is(citizenId)).with(Sort.by(Sort.Direction.DESC, "filedAt")).with(page),
                Feedback.class);
    }

    /**
     * An agency's, a page at a time: those still to answer by their due day, the most urgent first;
     * all of them newest first. The list was cut at its 500 oldest, so an agency past 500 never
     * saw a new one there.
     */
    public List<Feedback> ofAgency(String agencyCode, boolean unansweredOnly, Pageable page) {
        Query query = unansweredOnly
                ? new Query(where("agencyCode").is(agencyCode).and("answeredAt").is(null)).with(Sort.by("answerDue", "filedAt"))
                : new Query(where("agencyCode").is(agencyCode)).with(Sort.by(Sort.Direction.DESC, "filedAt"));
        return mongo.find(query.with(page), Feedback.class);
    }

    public LocalDate today() {
        return deadlines.today(clock.instant());
    }

    public LocalDate dayOf(Instant at) {
        return deadlines.today(at);
    }
}
