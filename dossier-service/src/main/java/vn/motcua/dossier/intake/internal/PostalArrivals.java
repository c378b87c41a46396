package vn.motcua.dossier.intake.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.events.Event;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/**
 * Paper dossiers the post collected and delivered to an agency (from {@link PaperDossierArrived}),
 * by item id, so the officer who registers one links it: each item becomes one dossier only, or is
 * turned away with a reason (ADR 0088). One waiting at a dissolved agency waits at its successor (ADR 0089).
 */
@Component
public class PostalArrivals implements EventSubscriber {
    static final String COLLECTION = "postal_arrivals";
    private static final String ITEM_ID = "[A-Z]{2}\\d{9}[A-Z]{2}";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Catalog catalog;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    /**
     * An envelope as the desk sees it.
     *
     * @param dossierCode the dossier it was registered as; null until then
     * @param turnedAway why it cannot be registered, who said so and when (ADR 0088); null unless it was turned away
     * @param handedBack to whom the counter gave a turned-away one's papers (ADR 0091); null while it holds them
     */
    public record Arrival(String itemId, String shipmentId, String agencyCode, String procedureCode, String ownerCitizenId,
            String senderName, Instant arrivedAt, String dossierCode, TurnedAway turnedAway, HandedBack handedBack) {
    }

    /** @param by the officer's user name */
    public record TurnedAway(String reason, String by, Instant at) {
    }

    /**
     * @param collectedBy the name of the person who took the papers, as on their identity paper
     * @param idNumber the number of that identity paper, which the officer checked
     * @param by the officer's user name
     */
    public record HandedBack(String collectedBy, String idNumber, String by, Instant at) {
    }

    PostalArrivals(MongoTemplate mongo, AggregateStore store, Catalog catalog, DeadlinePolicy deadlines, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(PaperDossierArrived.class, this::arrived);
    }

    /**
     * Stored once by its item id. Addressed to an agency dissolved by the day it arrived (asked for before the dissolution,
     * or from an old address), it waits at the successor at once: a succession run earlier moved what was there then.
     */
    void arrived(IncomingEvent<PaperDossierArrived> event) {
        PostalEnvelope envelope = PostalEnvelope.arrived(event.data());
        List<Event> events = successorOnArrival(event.data())
                .map(successor -> envelope.passTo(successor.code(), successor.name(), clock.instant())).orElse(List.of());
        store.insertOnce(new Changed<>(envelope, events));
    }

    private Optional<Agency> successorOnArrival(PaperDossierArrived arrival) {
        return catalog.agency(arrival.agencyCode())
                .flatMap(agency -> catalog.successorHoldingOn(agency, deadlines.today(arrival.arrivedAt())));
    }

    /**
     * Moves the envelopes waiting at a dissolved agency, neither registered nor turned away, to its successor, each in one
     * version-guarded write: one registered meanwhile stays where it was registered.
     *
     * @return the item ids this call moved; a run beside it moves each envelope once
     */
    public List<String> passWaitingTo(String fromAgencyCode, Agency successor) {
        List<String> moved = new ArrayList<>();
        Query waiting = new Query(where("agencyCode").is(fromAgencyCode).and("dossierCode").is(null).and("turnedAway").is(null))
                .with(Sort.by("_id"));
        for (PostalEnvelope envelope : mongo.find(waiting, PostalEnvelope.class, COLLECTION)) {
            // The last attempt decides: one that lost the version to a run beside this one finds it passed already.
            AtomicBoolean passedHere = new AtomicBoolean();
            store.updateRetrying(envelope, () -> find(envelope.id()).orElseThrow(), e -> {
                List<Event> events = e.passTo(successor.code(), successor.name(), clock.instant());
                passedHere.set(!events.isEmpty());
                return events;
            });
            if (passedHere.get()) {
                moved.add(envelope.id());
            }
        }
        return moved;
    }

    /**
     * Reserves the item for the dossier about to be registered under that code: one version-guarded
     * write, so two officers registering the same envelope cannot both succeed, nor can one register
     * what another turns away.
     */
    public Arrival claim(String itemId, String agencyCode, String applicantId, String dossierCode) {
        if (itemId == null || !itemId.matches(ITEM_ID)) {
            throw ApiProblem.unprocessable("tracking-number-invalid",
                    "'" + itemId + "' is not a postal item id (two letters, nine digits, two letters, e.g. RR100000017VN)");
        }
        PostalEnvelope envelope = find(itemId).filter(e -> e.agencyCode().equals(agencyCode))
                .orElseThrow(() -> ApiProblem.unprocessable("postal-item-not-arrived",
                        "No dossier collected by the post has arrived at " + agencyCode + " under " + itemId));
        if (envelope.ownerCitizenId() != null && !envelope.ownerCitizenId().equals(applicantId)) {
            throw ApiProblem.unprocessable("postal-item-of-another-applicant",
                    "The dossier that arrived under " + itemId + " was sent by another citizen than the applicant named");
        }
        return store.updateRetrying(envelope, () -> find(itemId).orElseThrow(), e -> e.registerAs(dossierCode)).view();
    }

    /** The registration failed after the claim: the envelope can be registered again. */
    public void release(String itemId, String dossierCode) {
        find(itemId).ifPresent(envelope -> store.updateRetrying(envelope, () -> find(itemId).orElseThrow(), e -> e.release(dossierCode)));
    }

    /**
     * An officer of the agency it reached says it cannot be registered, and why (ADR 0088): it leaves the desk's list, and
     * its citizen is told. Asked again, the envelope as it was turned away; one of another agency, or none, is 404.
     */
    public Arrival turnAway(String itemId, String agencyCode, String reason, Caller officer) {
        PostalEnvelope envelope = delivered(itemId, agencyCode);
        return store.updateRetrying(envelope, () -> find(itemId).orElseThrow(),
                e -> e.turnAway(reason, officer.username(), clock.instant())).view();
    }

    /**
     * An officer of the agency that turned it away gives its papers to the person who came for them (ADR 0091): they leave
     * the counter's list of papers held, and the citizen who sent them is told who took them. Asked again, the envelope as
     * it was handed back; one waiting to be registered is 409, one of another agency or none 404.
     */
    public Arrival handBack(String itemId, String agencyCode, String collectedBy, String idNumber, Caller officer) {
        PostalEnvelope envelope = delivered(itemId, agencyCode);
        return store.updateRetrying(envelope, () -> find(itemId).orElseThrow(),
                e -> e.handBack(collectedBy, idNumber, officer.username(), clock.instant())).view();
    }

    private PostalEnvelope delivered(String itemId, String agencyCode) {
        return reachable(itemId, e -> e.agencyCode().equals(agencyCode));
    }

    /** The envelope under a well-formed item id if the caller may reach it; otherwise 404, as for one never delivered. */
    private PostalEnvelope reachable(String itemId, Predicate<PostalEnvelope> reach) {
        return (itemId.matches(ITEM_ID) ? find(itemId) : Optional.<PostalEnvelope>empty()).filter(reach)
                .orElseThrow(() -> ApiProblem.notFound("Postal item", itemId));
    }

    private Optional<PostalEnvelope> find(String itemId) {
        return Optional.ofNullable(mongo.findById(itemId, PostalEnvelope.class, COLLECTION));
    }

    /** Where an envelope is now, as its sender follows it. */
    public enum Whereabouts {
        /** At the agency's desk, waiting for an officer to register it. */
        AWAITING_REGISTRATION,
        /** Registered as the dossier {@code dossierCode}, which the sender follows from now on. */
        REGISTERED,
        /** Turned away; the papers wait at the one-stop counter. */
        TURNED_AWAY,
        /** Turned away, and the papers were handed to {@code collectedBy}. */
        HANDED_BACK
    }

    /**
     * An envelope as its sender sees it (ADR 0092): where it is, without the officers' user names or the number of the
     * collector's identity paper.
     *
     * @param agencyName the agency holding it, which may be the successor of the one it was sent to (ADR 0089)
     */
    public record Tracked(String itemId, String agencyCode, String agencyName, String procedureCode, Instant arrivedAt,
            Whereabouts whereabouts, String dossierCode, String turnedAwayReason, Instant turnedAwayAt, String collectedBy,
            Instant handedBackAt) {

        static Tracked of(Arrival arrival, String agencyName) {
            TurnedAway turned = arrival.turnedAway();
            HandedBack handed = arrival.handedBack();
            Whereabouts where = arrival.dossierCode() != null ? Whereabouts.REGISTERED : handed != null ? Whereabouts.HANDED_BACK
                    : turned != null ? Whereabouts.TURNED_AWAY : Whereabouts.AWAITING_REGISTRATION;
            return new Tracked(arrival.itemId(), arrival.agencyCode(), agencyName, arrival.procedureCode(), arrival.arrivedAt(), where,
                    arrival.dossierCode(), turned == null ? null : turned.reason(), turned == null ? null : turned.at(),
                    handed == null ? null : handed.collectedBy(), handed == null ? null : handed.at());
        }
    }

    /**
     * The envelope for the citizen who sent it, or for staff of the agency holding it; for anyone else, as for an item id
     * that never arrived, 404, so item ids cannot be probed.
     */
    public Tracked tracked(String itemId, Caller caller) {
        Arrival arrival = reachable(itemId, e -> caller.isCitizen(e.ownerCitizenId()) || caller.worksFor(e.agencyCode())).view();
        return Tracked.of(arrival, catalog.agency(arrival.agencyCode()).map(Agency::name).orElse(null));
    }

    /** One page of {@link #awaitingRegistration} or {@link #papersHeld}, and how many there are in all. */
    public record Page(List<Arrival> items, int page, int size, long total) {
    }

    /**
     * The envelopes the post delivered to the agency that no officer has registered or turned away yet, the longest waiting
     * first: the desk's list of paper dossiers to take in, so none lies unopened (ADR 0082).
     */
    public Page awaitingRegistration(String agencyCode, int page, int size) {
        return page(new Query(where("agencyCode").is(agencyCode).and("dossierCode").is(null).and("turnedAway").is(null))
                .with(Sort.by(Sort.Order.asc("arrivedAt"), Sort.Order.asc("_id"))), page, size);
    }

    /**
     * The envelopes the agency's desk turned away whose papers the counter still holds, the longest held first: what the
     * counter keeps for citizens to fetch, so none is lost or forgotten (ADR 0091).
     */
    public Page papersHeld(String agencyCode, int page, int size) {
        return page(new Query(where("agencyCode").is(agencyCode).and("turnedAway").ne(null).and("handedBack").is(null))
                .with(Sort.by(Sort.Order.asc("turnedAway.at"), Sort.Order.asc("_id"))), page, size);
    }

    private Page page(Query query, int page, int size) {
        long total = mongo.count(query, PostalEnvelope.class, COLLECTION);
        query.skip((long) page * size).limit(size);
        return new Page(mongo.find(query, PostalEnvelope.class, COLLECTION).stream().map(PostalEnvelope::view).toList(), page, size,
                total);
    }
}
