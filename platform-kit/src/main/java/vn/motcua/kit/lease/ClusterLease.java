package vn.motcua.kit.lease;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A named lease in MongoDB so that a job runs on one instance of a service at a time (the
 * outbox relay, scheduled jobs). Taking or renewing it is one conditional upsert: it succeeds
 * when the lease is free, expired, or already ours; a competing insert hits the unique _id.
 */
public class ClusterLease {
    static final String COLLECTION = "leases";
    private static final Duration POLL = Duration.ofMillis(20);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner;

    public ClusterLease(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    public ClusterLease(MongoTemplate mongo, Clock clock, String owner) {
        this.mongo = mongo;
        this.clock = clock;
        this.owner = owner;
    }

    public boolean tryAcquire(String name, Duration ttl) {
        Instant now = clock.instant();
        Query freeOrMine = new Query(where("_id").is(name)
                .orOperator(where("expiresAt").lt(now), where("owner").is(owner)));
        Update take = new Update().set("owner", owner).set("expiresAt", now.plus(ttl));
        if (mongo.updateFirst(freeOrMine, take, COLLECTION).getMatchedCount() == 1) {
            return true;
        }
        try {
            mongo.insert(new Document("_id", name).append("owner", owner).append("expiresAt", now.plus(ttl)), COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /**
     * Runs {@code work} holding the lease, waiting up to {@code wait} for it, and lets go after. For a
     * rule that spans documents (no two channel policies of a scope overlap): give each call a lease
     * of its own owner, so two threads of one instance exclude each other too.
     *
     * @param busy what to throw when the lease stayed held by another for all of {@code wait}
     */
    public <T> T whileHeld(String name, Duration ttl, Duration wait, Supplier<T> work, Supplier<? extends RuntimeException> busy) {
        Instant giveUp = clock.instant().plus(wait);
        while (!tryAcquire(name, ttl)) {
            if (clock.instant().isAfter(giveUp)) {
                throw busy.get();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for the lease " + name, e);
            }
        }
        try {
            return work.get();
        } finally {
            release(name);
        }
    }

    public void release(String name) {
        mongo.remove(new Query(Criteria.where("_id").is(name).and("owner").is(owner)), COLLECTION);
    }

    public String owner() {
        return owner;
    }
}
