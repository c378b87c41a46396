package vn.motcua.payment.ordering;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The merchant references of online attempts, each pointing at its order: the provider knows an
 * attempt only by its reference, and a look-up by id is cheap on every MongoDB server. A
 * reference is recorded before the attempt is added to its order; one left behind by a crash in
 * between points at an order that does not know it, and a notification for it is answered 01.
 */
@Component
public class AttemptReferences {
    static final String COLLECTION = "attempt_references";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;

    AttemptReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new alphanumeric reference for an attempt at the order, recorded. */
    public String newFor(String orderId, Instant now) {
        StringBuilder reference = new StringBuilder("MC").append(Long.toString(now.toEpochMilli(), 36).toUpperCase());
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        mongo.insert(new Document("_id", reference.toString()).append("orderId", orderId).append("createdAt", now), COLLECTION);
        return reference.toString();
    }

    public Optional<String> orderOf(String reference) {
        if (reference == null || reference.length() > 100) {
            return Optional.empty();
        }
        Document found = mongo.findOne(new Query(where("_id").is(reference)), Document.class, COLLECTION);
        return Optional.ofNullable(found).map(d -> d.getString("orderId"));
    }
}
