package vn.motcua.kit.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.motcua.kit.outbox.Aggregate;

/**
 * The two shapes of an idempotent effect, each a single conditional write, so a redelivered
 * event changes nothing:
 * <ul>
 *   <li>{@link #insertOnce}: create a document whose _id is derived from the event or from
 *   the business key; a second insert hits the unique _id;</li>
 *   <li>{@link #applyOnce}: update (or create) a document only if it has not recorded the
 *   event id yet, recording it in the same write.</li>
 * </ul>
 */
public class IdempotentWrites {
    /** The same field as an aggregate's: one name for "events applied here", whatever the document. */
    public static final String APPLIED_EVENTS = Aggregate.APPLIED_EVENT_IDS;

    private final MongoTemplate mongo;

    public IdempotentWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true if the document was inserted, false if one with its id already existed */
    public boolean insertOnce(Object document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** @return true if the update was applied now, false if this event had been applied before */
    public boolean applyOnce(String collection, Object id, String eventId, Update update) {
        Query notYetApplied = new Query(where("_id").is(id).and(APPLIED_EVENTS).ne(eventId));
        try {
            UpdateResult result = mongo.upsert(notYetApplied, update.push(APPLIED_EVENTS, eventId), collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException appliedBefore) {
            return false;
        }
    }
}
