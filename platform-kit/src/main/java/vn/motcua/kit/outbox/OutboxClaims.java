package vn.motcua.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which relay instance is publishing a document's events: a claim kept in the document itself
 * ({@code outboxClaim}: by whom, until when). Taking it returns the waiting events, and giving it back
 * removes the published ones and returns what was appended meanwhile: two writes per hand-off, where a
 * claims collection of its own cost a claim, a read, a settle and a release (ADR 0030). The write
 * that stores the events usually takes the claim itself ({@link WriteClaim}, ADR 0032), and the
 * hand-off is then one write more. A writer that finds the claim held leaves its events to the
 * holder, who sees them when it gives the claim back. A claim left by a crashed instance is taken
 * over once it has expired.
 *
 * <p>Every query names the document's {@code _id}: MongoDB serves it from the {@code _id} index, and
 * so do the wire servers of the local stack and the tests, which otherwise read the whole collection
 * for any query that asks more than the {@code _id}.
 */
final class OutboxClaims {
    static final String FIELD = "outboxClaim";
    private static final String BY = FIELD + ".by";
    private static final String UNTIL = FIELD + ".until";

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;

    OutboxClaims(MongoTemplate mongo, String owner, Duration ttl, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * A claim taken: its holder (this instance, and this drain in it) and the events it is to publish,
     * front to back.
     */
    record Claimed(String holder, List<Document> waiting) {
    }

    /**
     * @return the claim with the document's waiting events; null when another drain holds the claim
     *     (it will publish them) or the document is gone
     */
    Claimed claim(String collection, Object id) {
        WriteClaim offered = offer();
        Query free = new Query(free(where("_id").is(id), clock.instant()));
        free.fields().include(Aggregate.PENDING_EVENTS);
        Document claimed = mongo.findAndModify(free, taking(new Update(), offered),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        return claimed == null ? null : taken(offered, waiting(claimed));
    }

    /** A claim for one drain: two drains of one instance are told apart too, should one take over the other's expired claim. */
    WriteClaim offer() {
        return new WriteClaim(owner + "/" + UUID.randomUUID(), clock.instant().plus(ttl));
    }

    /** {@code document}, the query of a write, narrowed to when no live claim is held on it. */
    static Criteria free(Criteria document, Instant now) {
        return document.orOperator(where(FIELD).exists(false), where(UNTIL).lt(Date.from(now)));
    }

    /** {@code update} also taking {@code claim}. */
    static Update taking(Update update, WriteClaim claim) {
        return update.set(FIELD, claim.asField());
    }

    /** The claim held, with the events waiting in the document as the claiming write left it. */
    static Claimed taken(WriteClaim claim, List<Document> waiting) {
        return new Claimed(claim.holder(), waiting);
    }

    /**
     * Removes the published events, clears the document's {@code outboxSince} and gives the claim
     * back, in one atomic step.
     *
     * @return the events still waiting: appended while the claim was held, by writers that left them
     *     to this instance; empty when the claim had been taken over meanwhile (its new holder has them)
     */
    List<Document> settle(String collection, Object id, Claimed claim, List<String> published) {
        Query held = new Query(heldBy(id, claim));
        held.fields().include(Aggregate.PENDING_EVENTS);
        Document after = mongo.findAndModify(held, removing(published).unset(FIELD).unset(Aggregate.WAITING_SINCE),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        if (after == null) {
            // Expired and taken over: what did reach Kafka still leaves the outbox, so it is not published again.
            removeOnly(collection, id, published);
            return List.of();
        }
        return waiting(after);
    }

    /**
     * After a failed publication: removes what did reach Kafka, so that a retry publishes only what did
     * not, and gives the claim back. {@code outboxSince} stays: the safety net retries.
     */
    void giveUp(String collection, Object id, Claimed claim, List<String> published) {
        if (mongo.updateFirst(new Query(heldBy(id, claim)), removing(published).unset(FIELD), collection).getMatchedCount() == 0) {
            removeOnly(collection, id, published);
        }
    }

    private void removeOnly(String collection, Object id, List<String> published) {
        if (!published.isEmpty()) {
            mongo.updateFirst(new Query(where("_id").is(id)), removing(published), collection);
        }
    }

    private static Criteria heldBy(Object id, Claimed claim) {
        return where("_id").is(id).and(BY).is(claim.holder());
    }

    private static Update removing(List<String> published) {
        Update update = new Update();
        if (!published.isEmpty()) {
            update.pull(Aggregate.PENDING_EVENTS, new Document("eventId", new Document("$in", published)));
        }
        return update;
    }

    static List<Document> waiting(Document document) {
        return document.getList(Aggregate.PENDING_EVENTS, Document.class, List.of());
    }
}
