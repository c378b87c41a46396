package vn.motcua.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.recipients.Recipient;

/**
 * Which notifications wait for their recipient's addresses, listed in the recipient's document.
 * Every submission asks whether its owner has any; the write that stores the owner's addresses
 * answers it (ADR 0035), where a list of its own cost a read on every submission. A query on the
 * notifications by recipient and status would be a full scan on the wire server (it keeps no
 * secondary index) that grew with every message ever sent (ADR 0020). A notification is listed
 * only when it is stored without addresses, which is rare; the list is kept with single-document
 * writes ($addToSet, $pullAll).
 */
@Component
class AwaitingContact {
    /** Where the lists were kept until ADR 0035, one document per recipient; moved at start. */
    static final String FORMER_COLLECTION = "awaiting_contact";
    private static final String FORMER_IDS = "notificationIds";
    /** Not a recipient id (citizen numbers, "staff:" names): marks the one-time listing as done. */
    private static final String LISTED_BEFORE = "#listed-those-stored-before";

    private final MongoTemplate mongo;

    AwaitingContact(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return the recipient's document after the listing: its addresses, if they came meanwhile, and every notification waiting */
    Recipient add(String recipientId, String notificationId) {
        return mongo.findAndModify(query(where("_id").is(recipientId)), new Update().addToSet(Recipient.AWAITING_CONTACT, notificationId),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Recipient.class);
    }

    List<String> of(String recipientId) {
        Recipient stored = mongo.findById(recipientId, Recipient.class);
        return stored == null ? List.of() : stored.awaitingContact();
    }

    void settled(String recipientId, Collection<String> notificationIds) {
        if (!notificationIds.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(recipientId)), new Update().pullAll(Recipient.AWAITING_CONTACT, notificationIds.toArray()),
                    Recipient.class);
        }
    }

    /**
     * Lists what an earlier version left listed elsewhere. Notifications stored waiting before any
     * list existed are listed at the first start that finds the mark missing, then never again: the
     * query scans every notification on the wire server, work no later start should repeat. The
     * lists of {@link #FORMER_COLLECTION} are moved one recipient at a time, each removed only while
     * it is as it was moved, so a start after an interrupted one, or after an instance of the
     * earlier version listed more, moves what is left. Idempotent if two instances race on it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void listThoseStoredBefore() {
        if (!mongo.exists(query(where("_id").is(LISTED_BEFORE)), FORMER_COLLECTION)) {
            mongo.find(query(where("status").is(Notification.Status.AWAITING_CONTACT)), Notification.class)
                    .forEach(waiting -> add(waiting.recipientCitizenId(), waiting.id()));
            mongo.upsert(query(where("_id").is(LISTED_BEFORE)), new Update().set("at", new Date()), FORMER_COLLECTION);
        }
        for (Document former : mongo.find(query(where(FORMER_IDS).exists(true)), Document.class, FORMER_COLLECTION)) {
            List<String> ids = former.getList(FORMER_IDS, String.class, List.of());
            if (!ids.isEmpty()) {
                mongo.upsert(query(where("_id").is(former.get("_id"))), new Update().addToSet(Recipient.AWAITING_CONTACT).each(ids.toArray()),
                        Recipient.class);
            }
            mongo.remove(query(where("_id").is(former.get("_id")).and(FORMER_IDS).is(ids)), FORMER_COLLECTION);
        }
    }
}
