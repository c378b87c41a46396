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
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.motcua.events.Event;

/**
 * The one way to store an {@link Aggregate}: its state and the events of the change in one
 * single-document write. {@link #insert} creates it with its first events; {@link #update} writes
 * a change guarded by the version it was read at, appending the new events to
 * {@code pendingEvents} rather than writing the array back: a plain save would put back the
 * events the relay published and removed since the aggregate was loaded, and they would be
 * published twice.
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
        A inserted = mongo.insert(aggregate);
        if (!created.events().isEmpty()) {
            if (publishNow) {
                handOff.written(entity.getCollection(), aggregate.id());
            } else {
                aggregate.deferPublication();
            }
        }
        return inserted;
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
        // A document stored before its type was versioned has no version yet: it is at 0, and absent.
        long version = aggregate.version() == null ? 0 : aggregate.version();

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
        List<OutboxEntry> entries = recorder.record(events);
        Instant now = clock.instant();
        if (!entries.isEmpty()) {
            update.push(Aggregate.PENDING_EVENTS).each(entries.stream().map(mongo.getConverter()::convertToMongoType).toArray());
            // Keeps the time of the oldest waiting event: set when none waited, else left alone.
            update.min(Aggregate.WAITING_SINCE, now);
        }
        if (appliedEventId != null) {
            update.push(Aggregate.APPLIED_EVENT_IDS, appliedEventId);
        }
        ensureVersionIndex(entity.getCollection(), versionProperty.getFieldName());
        Query unchanged = new Query(where("_id").is(aggregate.id()).and(versionProperty.getFieldName())
                .is(aggregate.version() == null ? null : version));
        if (mongo.updateFirst(unchanged, update, entity.getCollection()).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(entity.getType().getSimpleName() + " " + aggregate.id()
                    + " changed since it was read (version " + version + ")");
        }
        entity.getPropertyAccessor(aggregate).setProperty(versionProperty, version + 1);
        aggregate.append(entries, now);
        if (appliedEventId != null) {
            aggregate.applied(appliedEventId);
        }
        if (aggregate.takeDeferredPublication() || !entries.isEmpty()) {
            handOff.written(entity.getCollection(), aggregate.id());
        }
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
