package vn.motcua.testinfra;

import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Requests that died mid-way, as their client's retry finds them: the Idempotency-Key still held
 * by the dead attempt, its lease run out, no answer recorded. The kit's own test covers taking such
 * a key over; a service's test starts from here to check that what the dead attempt created is
 * found, not created again.
 */
public final class AbandonedRequests {
    /** The kit's collection and fields (vn.motcua.kit.idempotency.IdempotencyKeys). */
    private static final String KEYS = "idempotency_keys";

    private AbandonedRequests() {
    }

    /**
     * Turns a request answered under {@code key} into one whose process died after doing its work
     * and before recording the answer, its lease over.
     *
     * @throws IllegalStateException when no request was made under that key
     */
    public static void diedBeforeAnswering(MongoDatabase database, String key) {
        long rewound = database.getCollection(KEYS).updateOne(regex("_id", "\\|" + Pattern.quote(key) + "$"), Updates.combine(
                Updates.set("state", "IN_PROGRESS"), Updates.set("leaseUntil", Date.from(Instant.now().minusSeconds(1))),
                Updates.unset("status"), Updates.unset("location"), Updates.unset("body"))).getModifiedCount();
        if (rewound != 1) {
            throw new IllegalStateException("No request was answered under Idempotency-Key " + key);
        }
    }
}
