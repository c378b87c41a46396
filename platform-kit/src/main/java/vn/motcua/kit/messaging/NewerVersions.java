package vn.motcua.kit.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How a read model of published versions (catalog, calendars, policies) takes a published version: one upsert guarded by "the version held is
 * lower", so a redelivered or late older version changes nothing (an upsert that finds the document
 * at an equal or higher version fails on the key, which means exactly that).
 */
public final class NewerVersions {
    private NewerVersions() {
    }

    public static void replaceIfNewer(MongoTemplate mongo, String collection, Object id, String versionField, int version,
            Update replace) {
        try {
            mongo.upsert(new Query(where("_id").is(id).and(versionField).lt(version)), replace.set(versionField, version),
                    collection);
        } catch (DuplicateKeyException heldAlready) {
            // This version or a later one is held already.
        }
    }
}
