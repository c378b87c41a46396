package vn.motcua.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.motcua.events.Event;

/**
 * The one way to store an {@link Aggregate}: its state and the events of the change in one
 * single-document write. {@link #insert} creates it with its first events; {@link #update} writes
 * a change guarded by the version it was read at, appending the new events to
 * {@code pendingEvents} rather than writing the array back: a plain save would put back the
 * events the relay published and removed since the aggregate was loaded, and they would be
 * published twice. A write with events also takes the relay's claim on them when it is free, so
 * that publishing them needs no write of its own to claim them (ADR 0032).
 */
public class AggregateStore {
    /**
     * What a change passed to {@link #updateRetrying} returns when the aggregate, as read, needs
     * no change: nothing is written (compared by identity, not equal to an empty list of events).
     */
    public static final List<Event> UNCHANGED = Collections.unmodifiableList(new ArrayList<>());
    private static final int MAX_RETRIES = 16;
    private static final Logger log = LoggerFactory.getLogger(AggregateStore.class);

    private final MongoTemplate mongo;
    private final Set<String> versionIndexed = ConcurrentHashMap.newKeySet();
    private final EventRecorder recorder;
    private final OutboxCollections watched;
    private final OutboxHandOff handOff;
    private final Clock clock;

    /**
     * @param handOff told after each write that stored events, so that they are published at once
     *     rather than at the relay's next safety-net round
     */
    public AggregateStore(MongoTemplate mongo, EventRecorder recorder, OutboxCollections watched, OutboxHandOff handOff,
            Clock clock) {
        this.mongo = mongo;
        this.recorder = recorder;
        this.watched = watched;
        this.handOff = handOff;
        this.clock = clock;
    }

    /**
     * @throws DuplicateKeyException when an aggregate with the same id exists
     */
    public <A extends Aggregate> A insert(Changed<A> created) {
        return insert(created, true);
    }

    private <A extends Aggregate> A insert(Changed<A> created, boolean publishNow) {
        A aggregate = created.aggregate();
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        watched.requireWatched(entity);
        aggregate.append(recorder.record(created.events()), clock.instant());
        boolean handsOver = publishNow && !created.events().isEmpty();
        WriteClaim claim = handsOver && aggregate.id() != null ? handOff.claimForWrite() : null;
        if (claim != null) {
            List<Document> waiting = insertTaking(claim, aggregate, entity);
            handOff.writtenUnderClaim(entity.getCollection(), aggregate.id(), claim, waiting);
            return aggregate;
        }
        A inserted = mongo.insert(aggregate);
        if (handsOver) {
            handOff.written(entity.getCollection(), aggregate.id());
        } else if (!created.events().isEmpty()) {
            aggregate.deferPublication();
        }
        return inserted;
    }

    /**
     * Inserts the aggregate with its outbox claim taken (ADR 0032): no other drain can hold a claim on a
     * document not yet there, so its events need no write of their own to be claimed.
     *
     * @return the events waiting in the document as inserted
     */
    private List<Document> insertTaking(WriteClaim claim, Aggregate aggregate, MongoPersistentEntity<?> entity) {
        PersistentPropertyAccessor<?> accessor = entity.getPropertyAccessor(aggregate);
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        Object unversioned = accessor.getProperty(versionProperty);
        // What inserting the entity itself does: a new aggregate starts at version 0.
        accessor.setProperty(versionProperty, 0L);
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.put(OutboxClaims.FIELD, claim.asField());
        try {
            mongo.insert(document, entity.getCollection());
        } catch (RuntimeException notInserted) {
            accessor.setProperty(versionProperty, unversioned);
            throw notInserted;
        }
        return OutboxClaims.waiting(document);
    }

    /**
     * Creates an aggregate whose id is derived from what caused it (an event, a business key), so
     * that the same cause never creates two.
     *
     * @return false, and nothing written, when an aggregate with that id exists already
     */
    public <A extends Aggregate> boolean insertOnce(Changed<A> created) {
        try {
            insert(created);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * {@link #insertOnce}, for an aggregate the caller writes again at once through this store (a
     * notification created, then sent): the events of both writes are handed to the relay together
     * after the second, one publication round (a claim, reads and writes of the outbox) instead of
     * two. Should the second write not come (a crash in between, or another instance winning its
     * version), the relay's safety net publishes them after its minimum age.
     */
    public <A extends Aggregate> boolean insertOnceBeforeNextWrite(Changed<A> created) {
        try {
            insert(created, false);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * @throws OptimisticLockingFailureException when the aggregate changed since it was read;
     *     nothing is written then, and the caller reloads and decides again
     */
    public <A extends Aggregate> void update(A aggregate, List<? extends Event> events) {
        write(aggregate, events, null);
    }

    /**
     * Reads an aggregate, changes it and writes it; when another write won the version first, reads
     * it again and decides again, so that concurrent callers (duplicate callbacks, a report and a
     * user's change) each see the state the others left.
     *
     * @param read loads the aggregate (throwing, e.g. a 404 problem, changes nothing)
     * @param change checks the aggregate as read and returns the events it causes, or {@link #UNCHANGED}
     * @return the aggregate as written (or as read, when unchanged)
     */
    public <A extends Aggregate> A updateRetrying(Supplier<A> read, Function<A, List<? extends Event>> change) {
        for (int attempt = 0; ; attempt++) {
            A aggregate = read.get();
            List<? extends Event> events = change.apply(aggregate);
            if (events == UNCHANGED) {
                return aggregate;
            }
            try {
                update(aggregate, events);
                return aggregate;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == MAX_RETRIES) {
                    throw concurrent;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * As {@link #updateRetrying(Supplier, Function)}, deciding first on the copy the caller has read already, so that the
     * write costs no second read; the copy is read again only after another write won the version.
     *
     * @param asRead the aggregate as the caller read it, changed by the first attempt
     */
    public <A extends Aggregate> A updateRetrying(A asRead, Supplier<A> readAgain, Function<A, List<? extends Event>> change) {
        AtomicReference<A> first = new AtomicReference<>(asRead);
        return updateRetrying(() -> {
            A unused = first.getAndSet(null);
            return unused != null ? unused : readAgain.get();
        }, change);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 3 + attempt * 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a change", e);
        }
    }

    /**
     * Lets an aggregate react to an event of another service once: skipped when the aggregate
     * has applied that event already, else the change and the event id are written together.
     * A redelivery racing the first delivery loses on the version and, retried, is skipped.
     *
     * @return false when the event had been applied before, and nothing changed
     */
    public <A extends Aggregate> boolean applyOnce(A aggregate, String eventId,
            Function<A, List<? extends Event>> change) {
        if (aggregate.hasApplied(eventId)) {
            return false;
        }
        write(aggregate, change.apply(aggregate), eventId);
        return true;
    }

    /**
     * A unique index on (_id, version): redundant on MongoDB, whose _id index serves the
     * version-guarded update, but the MongoDB wire server uses an index only for a query on exactly
     * its fields and otherwise scans the whole collection — every change of an aggregate cost a
     * scan that grew with the data. Created once per collection, before this instance's first
     * change there, one creation at a time (the wire server fails concurrent creations).
     */
    private void ensureVersionIndex(String collection, String versionField) {
        if (versionIndexed.contains(collection)) {
            return;
        }
        synchronized (versionIndexed) {
            if (versionIndexed.contains(collection)) {
                return;
            }
            try {
                mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on(versionField, Sort.Direction.ASC)
                        .unique().named("aggregate_version"));
                versionIndexed.add(collection);
            } catch (DataAccessException e) {
                log.warn("Cannot create the version index of {} (tried again on the next change): {}", collection, e.toString());
            }
        }
    }

    private void write(Aggregate aggregate, List<? extends Event> events, String appliedEventId) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        watched.requireWatched(entity);
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        String collection = entity.getCollection();
        // A document stored before its type was versioned has no version yet: it is at 0, and absent.
        long version = aggregate.version() == null ? 0 : aggregate.version();
        List<OutboxEntry> entries = recorder.record(events);
        Instant now = clock.instant();
        Supplier<Update> change = () -> change(aggregate, entity, versionProperty, entries, appliedEventId, now);
        Supplier<Criteria> unchanged = () -> where("_id").is(aggregate.id()).and(versionProperty.getFieldName())
                .is(aggregate.version() == null ? null : version);
        ensureVersionIndex(collection, versionProperty.getFieldName());

        boolean handsOver = aggregate.publicationDeferred() || !entries.isEmpty();
        WriteClaim claim = handsOver ? handOff.claimForWrite() : null;
        List<Document> underClaim = claim == null ? null : writeTaking(claim, unchanged.get(), change.get(), collection, now);
        if (underClaim == null && mongo.updateFirst(new Query(unchanged.get()), change.get(), collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(entity.getType().getSimpleName() + " " + aggregate.id()
                    + " changed since it was read (version " + version + ")");
        }
        entity.getPropertyAccessor(aggregate).setProperty(versionProperty, version + 1);
        aggregate.append(entries, now);
        if (appliedEventId != null) {
            aggregate.applied(appliedEventId);
        }
        aggregate.takeDeferredPublication();
        if (underClaim != null) {
            handOff.writtenUnderClaim(collection, aggregate.id(), claim, underClaim);
        } else if (handsOver) {
            handOff.written(collection, aggregate.id());
        }
    }

    /**
     * The change written only while no other drain holds the document's outbox claim, and taking the
     * claim with it: the events then need no write of their own to be claimed (ADR 0032).
     *
     * @return the events left waiting in the document, now under the claim; null when the version
     *     moved or another drain holds the claim (the caller then writes without it)
     */
    private List<Document> writeTaking(WriteClaim claim, Criteria unchanged, Update change, String collection, Instant now) {
        Query unchangedAndFree = new Query(OutboxClaims.free(unchanged, now));
        unchangedAndFree.fields().include(Aggregate.PENDING_EVENTS);
        Document written = mongo.findAndModify(unchangedAndFree, OutboxClaims.taking(change, claim),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        return written == null ? null : OutboxClaims.waiting(written);
    }

    /** The update of a version-guarded write: the aggregate's state, its next version and its new events. */
    private Update change(Aggregate aggregate, MongoPersistentEntity<?> entity, MongoPersistentProperty versionProperty,
            List<OutboxEntry> entries, String appliedEventId, Instant now) {
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (isState(field, versionProperty)) {
                update.set(field, value);
            }
        });
        // The converter leaves out null fields; a field the aggregate cleared must be removed, not kept.
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && isState(field, versionProperty) && !state.containsKey(field)) {
                update.unset(field);
            }
        });
        update.inc(versionProperty.getFieldName(), 1);
        if (!entries.isEmpty()) {
            update.push(Aggregate.PENDING_EVENTS).each(entries.stream().map(mongo.getConverter()::convertToMongoType).toArray());
            // Keeps the time of the oldest waiting event: set when none waited, else left alone.
            update.min(Aggregate.WAITING_SINCE, now);
        }
        if (appliedEventId != null) {
            update.push(Aggregate.APPLIED_EVENT_IDS, appliedEventId);
        }
        return update;
    }

    private static boolean isState(String field, MongoPersistentProperty versionProperty) {
        return !field.equals("_id") && !field.equals(versionProperty.getFieldName())
                && !field.equals(Aggregate.PENDING_EVENTS) && !field.equals(Aggregate.APPLIED_EVENT_IDS)
                && !field.equals(Aggregate.WAITING_SINCE);
    }

    private MongoPersistentEntity<?> entityOf(Aggregate aggregate) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
    }
}
