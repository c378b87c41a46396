package vn.motcua.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which relay instance is publishing which document's events, in a small collection of its own:
 * a claim is one insert (the unique {@code _id} decides between two instances) and its release
 * one delete. Kept apart from the aggregates so that a claim never costs a conditional query on a
 * large collection, which the MongoDB wire server answers by scanning it. A claim left by a
 * crashed instance is taken over once it has expired.
 *
 * <p>A drain that finds the document claimed marks the claim ({@code more}): the holder, releasing
 * it, learns that events may have come after its read and passes again. Without the mark the holder
 * had to read the document once more after every release to find such late events.
 */
final class OutboxClaims {
    static final String COLLECTION = "outbox_claims";
    private static final int MAX_TRIES = 10;

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
     * @return true when this instance holds the claim now; false when another drain holds it and has
     *     been told to pass again
     */
    boolean claim(String collection, Object id) {
        String key = key(collection, id);
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Instant now = clock.instant();
            try {
                mongo.insert(new Document("_id", key).append("by", owner).append("until", Date.from(now.plus(ttl))), COLLECTION);
                return true;
            } catch (DuplicateKeyException held) {
                Document holder = mongo.findAndModify(new Query(where("_id").is(key)), new Update().set("more", true), Document.class,
                        COLLECTION);
                if (holder == null) {
                    // Released between the insert and the mark: claim it again.
                    continue;
                }
                Date until = holder.getDate("until");
                if (until != null && !until.toInstant().isBefore(now)) {
                    return false;
                }
                // A crashed holder's claim, expired: taken over unless another instance took it first.
                Query expired = new Query(where("_id").is(key).and("until").is(until));
                return mongo.updateFirst(expired, new Update().set("by", owner).set("until", Date.from(now.plus(ttl))).unset("more"),
                        COLLECTION).getMatchedCount() == 1;
            }
        }
        // Claimed and released over and over: a drain is busy with it; the safety net covers the rest.
        return false;
    }

    /** @return true when another drain found the claim held meanwhile: events may have come that this drain did not read */
    boolean release(String collection, Object id) {
        Document released = mongo.findAndRemove(new Query(where("_id").is(key(collection, id)).and("by").is(owner)), Document.class,
                COLLECTION);
        return released != null && Boolean.TRUE.equals(released.getBoolean("more"));
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }
}
