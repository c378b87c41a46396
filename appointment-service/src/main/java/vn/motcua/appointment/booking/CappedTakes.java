package vn.motcua.appointment.booking;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Takes a share of a capped document (a holder's bookings, a slot's places) in one round trip: an
 * upsert guarded by the cap. The first take creates the document. A document that exists at its cap
 * makes the upsert fail on the key; one conditional update then tells that from a document another
 * request created meanwhile.
 */
final class CappedTakes {
    private CappedTakes() {
    }

    /** @param underCap the document's {@code _id} and the cap's conditions */
    static boolean take(MongoTemplate mongo, Query underCap, Update take, String collection) {
        try {
            UpdateResult taken = mongo.upsert(underCap, take, collection);
            return taken.getModifiedCount() == 1 || taken.getUpsertedId() != null;
        } catch (DuplicateKeyException atCapOrCreatedMeanwhile) {
            return mongo.updateFirst(underCap, take, collection).getModifiedCount() == 1;
        }
    }
}
