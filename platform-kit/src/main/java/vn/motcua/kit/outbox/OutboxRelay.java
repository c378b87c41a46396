package vn.motcua.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import vn.motcua.events.CloudEvent;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.work.CountedWork;

/**
 * Publishes the events waiting in aggregate documents. The store hands every write with events
 * over at once ({@link #written}); a slow safety net ({@link #relay}) takes what a crash or a
 * broker outage left behind, looking only at documents whose oldest waiting event is older than
 * a few seconds, by an indexed field.
 *
 * <p>Two promises hold on both paths. One drain publishes a document's events at a time: it
 * claims the document first, in the document, reading the waiting events in the same write
 * ({@link OutboxClaims}), or the write that stored them took the claim for it ({@link WriteClaim}). A document's events reach Kafka in the order they were recorded: the
 * claimant publishes the list front to back and then removes what it published, by their ids, giving
 * the claim back in the same write; events appended meanwhile are taken in a next pass. A crash
 * between publishing and removing publishes again, which consumers absorb because they deduplicate
 * on the event id.
 */
public class OutboxRelay implements OutboxHandOff, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = Aggregate.PENDING_EVENTS;
    private static final int MAX_PASSES = 10;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final ClusterLease lease;
    private final List<String> collections;
    private final OutboxProperties properties;
    private final String source;
    private final Clock clock;
    /** One lease per service: services sharing a database (as tests do) do not wait for each other. */
    private final String leaseName;
    private final AtomicLong pending = new AtomicLong();
    /** Hand-offs queued or running: events committed in a document and not yet on Kafka. */
    private final CountedWork handOffs;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final OutboxClaims claims;
    private volatile boolean sweptAll;
    private final AtomicBoolean handOffFailed = new AtomicBoolean();
    private volatile Instant lastRound = Instant.MIN;
    private volatile boolean lastRoundFoundWork;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, ClusterLease lease,
            OutboxCollections collections, OutboxProperties properties, String source, Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections.names());
        this.kafka = kafka;
        this.lease = lease;
        this.properties = properties;
        this.source = source;
        this.clock = clock;
        this.leaseName = "outbox-relay:" + source;
        this.claims = new OutboxClaims(mongo, lease.owner(), properties.claimTtl(), clock);
        Gauge.builder("motcua.outbox.pending", pending, AtomicLong::get)
                .description("Events older than the hand-off found waiting by the last safety-net round")
                .register(meters);
        this.handOffs = new CountedWork("motcua.outbox.handoffs.active", "Writes whose events are being published now, queued or running",
                meters);
    }

    /** Publishes the events of a write that just committed, off the caller's thread. */
    @Override
    public void written(String collection, Object id) {
        handOff(collection, id, () -> drain(collection, id));
    }

    @Override
    public WriteClaim claimForWrite() {
        return claims.offer();
    }

    /** Publishes the events a write left under the claim it took, off the caller's thread. */
    @Override
    public void writtenUnderClaim(String collection, Object id, WriteClaim claim, List<Document> waiting) {
        handOff(collection, id, () -> drain(collection, id, OutboxClaims.taken(claim, waiting)));
    }

    private void handOff(String collection, Object id, Runnable drain) {
        handOffs.start(() -> {
            try {
                drain.run();
            } catch (RuntimeException e) {
                handOffFailed.set(true);
                log.warn("Events of {} {} not published now; the safety net will: {}", collection, id, e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${motcua.outbox.safety-net-interval-ms:5000}",
            initialDelayString = "${motcua.outbox.safety-net-interval-ms:5000}")
    public void relayScheduled() {
        try {
            if (due()) {
                relay();
            }
        } catch (RuntimeException e) {
            handOffFailed.set(true);
            log.warn("Outbox safety-net round failed; it will be retried: {}", e.toString());
        }
    }

    /**
     * Whether the scheduled round should look now: always at first (the sweep after a start), at
     * every tick while it keeps finding waiting events or after a hand-off of this instance failed
     * (a broker outage), and otherwise once per quiet interval, for another instance's crash.
     */
    boolean due() {
        return !sweptAll || lastRoundFoundWork || handOffFailed.getAndSet(false)
                || !clock.instant().isBefore(lastRound.plus(properties.quietInterval()));
    }

    /** One safety-net round, on the instance holding the lease; returns how many events were published. */
    public int relay() {
        if (collections.isEmpty() || !lease.tryAcquire(leaseName, properties.leaseTtl())) {
            return 0;
        }
        int published = 0;
        long seen = 0;
        try {
            for (String collection : collections) {
                ensureIndex(collection);
                // The first round also takes documents whose mark a crash may have cleared (see drain).
                Query waiting = sweptAll
                        ? new Query(where(Aggregate.WAITING_SINCE).lte(clock.instant().minus(properties.minAge())))
                                .with(Sort.by(Aggregate.WAITING_SINCE)).limit(properties.batchSize())
                        : new Query(where(FIELD + ".0").exists(true)).limit(properties.batchSize());
                waiting.fields().include("_id");
                for (Document document : mongo.find(waiting, Document.class, collection)) {
                    seen++;
                    published += drain(collection, document.get("_id"));
                }
            }
            sweptAll = true;
            lastRound = clock.instant();
            lastRoundFoundWork = seen > 0;
        } finally {
            pending.set(Math.max(0, seen - published));
        }
        return published;
    }

    /**
     * Publishes a document's waiting events under a claim, front to back, and again while events
     * keep arriving; returns at once when another drain holds the claim (it will see them).
     */
    int drain(String collection, Object id) {
        return drain(collection, id, null);
    }

    /** @param held the claim a write took with its change, or null: the first pass takes one */
    private int drain(String collection, Object id, OutboxClaims.Claimed held) {
        int published = 0;
        // Bounded: a writer appending without pause must not keep one drain busy for ever.
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            OutboxClaims.Claimed claim = pass == 0 && held != null ? held : claims.claim(collection, id);
            if (claim == null) {
                return published;
            }
            List<String> sent = new ArrayList<>();
            try {
                for (Document entry : claim.waiting()) {
                    publish(entry);
                    sent.add(entry.getString("eventId"));
                    published++;
                }
            } catch (RuntimeException failed) {
                claims.giveUp(collection, id, claim, sent);
                throw failed;
            }
            // Still under the claim until this write: no other drain can read these events as waiting and publish them again.
            if (claims.settle(collection, id, claim, sent).isEmpty()) {
                return published;
            }
            // Appended while the claim was held, their writers leaving them to this drain: marked again, then taken.
            // A crash before this mark leaves them without one: the first safety-net round after a start sweeps them.
            mongo.updateFirst(new Query(where("_id").is(id)),
                    new Update().min(Aggregate.WAITING_SINCE, Date.from(clock.instant())), collection);
        }
        return published;
    }

    /** Only documents with waiting events carry the field: a sparse index keeps the query small on MongoDB. */
    private void ensureIndex(String collection) {
        if (indexed.add(collection)) {
            mongo.indexOps(collection).createIndex(new Index().on(Aggregate.WAITING_SINCE, Sort.Direction.ASC)
                    .sparse().named("outbox_waiting"));
        }
    }

    private void publish(Document entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"),
                entry.getString("subject"), entry.getString("payload"));
        Object occurredAt = entry.get("occurredAt");
        CloudEvent attributes = new CloudEvent(entry.getString("eventId"), source, entry.getString("type"),
                entry.getInteger("dataVersion"), entry.getString("subject"),
                occurredAt instanceof Date date ? date.toInstant() : (Instant) occurredAt, entry.getString("correlationId"));
        attributes.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + entry.getString("eventId"), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish event " + entry.getString("eventId"), e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        handOffs.stop(Duration.ofSeconds(5));
    }
}
