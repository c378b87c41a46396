package vn.motcua.appointment.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The live counts of one office day, one document: people in the waiting area and citizens in
 * the one-stop room, each entered by one conditional update against its cap, so no number of
 * concurrent check-ins and calls can pass it; the peaks each reached; the queue-number sequences.
 */
@Component
class OfficeDayCounters {
    static final String COLLECTION = "office_days";
    static final String WAITING = "waiting";
    static final String ROOM = "room";

    private final MongoTemplate mongo;
    /** Days this instance made sure exist, so that the insert is tried once per day, not per call. */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    OfficeDayCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String officeId, LocalDate day) {
        return officeId + "|" + day;
    }

    /** @return true when a place was taken: fewer than {@code cap} were there */
    boolean enter(String officeId, LocalDate day, String area, int cap) {
        String id = ensure(officeId, day);
        Document after = mongo.findAndModify(new Query(where("_id").is(id).and(area).lt(cap)), new Update().inc(area, 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (after == null) {
            return false;
        }
        mongo.updateFirst(new Query(where("_id").is(id)), new Update().max(peakOf(area), after.getInteger(area)), COLLECTION);
        return true;
    }

    void leave(String officeId, LocalDate day, String area) {
        mongo.updateFirst(new Query(where("_id").is(idOf(officeId, day)).and(area).gt(0)), new Update().inc(area, -1),
                COLLECTION);
    }

    int nextNumber(String officeId, LocalDate day, String prefix) {
        String id = ensure(officeId, day);
        Document after = mongo.findAndModify(new Query(where("_id").is(id)), new Update().inc("seq." + prefix, 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return after.get("seq", Document.class).getInteger(prefix);
    }

    void countWalkIn(String officeId, LocalDate day, boolean seated) {
        mongo.updateFirst(new Query(where("_id").is(ensure(officeId, day))),
                new Update().inc(seated ? "walkInsSeated" : "walkInsToVirtualQueue", 1), COLLECTION);
    }

    DayCounts counts(String officeId, LocalDate day) {
        Document doc = mongo.findById(idOf(officeId, day), Document.class, COLLECTION);
        if (doc == null) {
            return new DayCounts(0, 0, 0, 0, 0, 0);
        }
        return new DayCounts(doc.getInteger(WAITING, 0), doc.getInteger(ROOM, 0), doc.getInteger(peakOf(WAITING), 0),
                doc.getInteger(peakOf(ROOM), 0), doc.getInteger("walkInsSeated", 0),
                doc.getInteger("walkInsToVirtualQueue", 0));
    }

    private static String peakOf(String area) {
        return area.equals(ROOM) ? "peakRoom" : "peakWaiting";
    }

    private String ensure(String officeId, LocalDate day) {
        String id = idOf(officeId, day);
        if (ensured.contains(id)) {
            return id;
        }
        try {
            mongo.insert(new Document("_id", id).append("officeId", officeId).append("date", day.toString())
                    .append(WAITING, 0).append(ROOM, 0).append("peakWaiting", 0).append("peakRoom", 0)
                    .append("seq", new Document()), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // The day started before.
        }
        ensured.add(id);
        return id;
    }
}
