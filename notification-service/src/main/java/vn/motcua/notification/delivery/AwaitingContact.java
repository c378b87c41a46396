package vn.motcua.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.notification.inbox.Notification;

/**
 * Which notifications wait for their recipient's addresses, one document per recipient read by
 * its _id. Every submission asks whether its owner has any: a query on the notifications by
 * recipient and status was a full scan on the wire server (it keeps no secondary index) that
 * grew with every message ever sent, and cost the most storage time of a submission (load
 * benchmark, ADR 0020). A notification is listed here only when it is stored without addresses,
 * which is rare; the list is kept with single-document writes ($addToSet, $pullAll).
 */
@Component
class AwaitingContact {
    static final String COLLECTION = "awaiting_contact";
    private static final String IDS = "notificationIds";
    /** Not a recipient id (citizen numbers, "staff:" names): marks the one-time listing as done. */
    private static final String LISTED_BEFORE = "#listed-those-stored-before";

    private final MongoTemplate mongo;

    AwaitingContact(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(String recipientId, String notificationId) {
        mongo.upsert(query(where("_id").is(recipientId)), new Update().addToSet(IDS, notificationId), COLLECTION);
    }

    List<String> of(String recipientId) {
        Document waiting = mongo.findById(recipientId, Document.class, COLLECTION);
        return waiting == null ? List.of() : waiting.getList(IDS, String.class, List.of());
    }

    void settled(String recipientId, Collection<String> notificationIds) {
        if (!notificationIds.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(recipientId)), new Update().pullAll(IDS, notificationIds.toArray()), COLLECTION);
        }
    }

    /**
     * Notifications stored waiting before this list existed are listed at the first start that
     * finds the mark missing, then never again: the query scans every notification on the wire
     * server, work no later start should repeat. Idempotent if two instances race on it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void listThoseStoredBefore() {
        if (mongo.exists(query(where("_id").is(LISTED_BEFORE)), COLLECTION)) {
            return;
        }
        mongo.find(query(where("status").is(Notification.Status.AWAITING_CONTACT)), Notification.class)
                .forEach(waiting -> add(waiting.recipientCitizenId(), waiting.id()));
        mongo.upsert(query(where("_id").is(LISTED_BEFORE)), new Update().set("at", new Date()), COLLECTION);
    }
}
