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
 */
final class OutboxClaims {
    static final String COLLECTION = "outbox_claims";

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

    boolean claim(String collection, Object id) {
        String key = key(collection, id);
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key).append("by", owner).append("until", Date.from(now.plus(ttl))), COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            Query expired = new Query(where("_id").is(key).and("until").lt(Date.from(now)));
            return mongo.updateFirst(expired, new Update().set("by", owner).set("until", Date.from(now.plus(ttl))),
                    COLLECTION).getMatchedCount() == 1;
        }
    }

    void release(String collection, Object id) {
        mongo.remove(new Query(where("_id").is(key(collection, id)).and("by").is(owner)), COLLECTION);
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }
}
