package vn.motcua.appointment.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The live counts of one office day, one document: people in the waiting area and citizens in
 * the one-stop room, each entered by one conditional update against its cap, so no number of
 * concurrent check-ins and calls can pass it; the peaks each reached; the queue-number sequences;
 * and the day's arrivals by key, so that an arrival retried after a death takes no second seat.
 */
@Component
class OfficeDayCounters {
    static final String COLLECTION = "office_days";
    static final String WAITING = "waiting";
    static final String ROOM = "room";
    /** The day's arrivals by key, each with whether it took a seat and when: a retried arrival is placed once. */
    private static final String ARRIVALS = "arrivals";
    private static final String SEATED = "seated";
    private static final String PLACED_AT = "at";
    private static final String WALK_IN = "walkIn";
    private static final String WALK_INS_SEATED = "walkInsSeated";
    private static final String SEQUENCES = "seq";
    /**
     * Raised by every change of the counts, and by every step that changes a ticket before the counts: a sweep that
     * saw it unchanged for a while knows no step is half done but one that died ({@link StrayPlaces}).
     */
    static final String REVISION = "rev";
    private static final Pattern ARRIVAL_KEY = Pattern.compile("[A-Za-z0-9-]{1,64}");

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
        Query query = new Query(where("_id").is(id).and(area).lt(cap));
        query.fields().include(area, peakOf(area));
        Document after = mongo.findAndModify(query, new Update().inc(area, 1).inc(REVISION, 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (after == null) {
            return false;
        }
        raisePeak(id, area, after);
        return true;
    }

    /**
     * Raises the area's peak to what an entry reached, when it passed the peak it read with it: a
     * write only the day's first climbs need ($max keeps concurrent raises monotonic).
     */
    private void raisePeak(String id, String area, Document after) {
        int reached = after.getInteger(area);
        if (reached > after.getInteger(peakOf(area), 0)) {
            mongo.updateFirst(new Query(where("_id").is(id)), new Update().max(peakOf(area), reached), COLLECTION);
        }
    }

    void leave(String officeId, LocalDate day, String area) {
        mongo.updateFirst(new Query(where("_id").is(idOf(officeId, day)).and(area).gt(0)),
                new Update().inc(area, -1).inc(REVISION, 1), COLLECTION);
    }

    /** Marks a step that changes a ticket before the counts as begun (see {@link #REVISION}). */
    void touch(String officeId, LocalDate day) {
        mongo.updateFirst(new Query(where("_id").is(idOf(officeId, day))), new Update().inc(REVISION, 1), COLLECTION);
    }

    /**
     * Where one arrival was placed: a waiting-area seat or the virtual queue, and (for a fresh one)
     * its number's sequence.
     *
     * @param sequence the next number of the prefix, drawn with the place; 0 when the arrival was placed
     *     before, by an attempt that died: its ticket, if stored, is found by the arrival's key, and if
     *     not, it takes a number of its own ({@link #nextNumber}), leaving a gap no one is called by
     * @param placedAt when the arrival was placed: one placed a moment ago may be another request's still at work
     */
    record Arrival(boolean seated, int sequence, Instant placedAt) {
        boolean placedBefore() {
            return sequence == 0;
        }
    }

    /**
     * Places one arrival once: a seat if fewer than {@code seatCap} people wait (else the virtual
     * queue), its number, the walk-in counted, and the arrival recorded under its key, all in one
     * conditional update of the day's document. A second call with the key (the retry of an
     * attempt that died after this update and before storing its ticket) takes nothing again.
     *
     * @param arrivalKey names the arrival for the day: a walk-in's Idempotency-Key claim, a booking's code
     */
    Arrival arrive(String officeId, LocalDate day, String prefix, int seatCap, String arrivalKey, boolean walkIn, Instant now) {
        // The key names a field of the day's document: never a path or an operator.
        if (!ARRIVAL_KEY.matcher(arrivalKey).matches()) {
            throw new IllegalArgumentException("An arrival key is letters, digits and '-'");
        }
        String id = ensure(officeId, day);
        String recorded = ARRIVALS + "." + arrivalKey;
        String sequence = SEQUENCES + "." + prefix;
        for (boolean seated : seatCap > 0 ? new boolean[] {true, false} : new boolean[] {false}) {
            Criteria notPlaced = where("_id").is(id).and(recorded).exists(false);
            Update place = new Update().inc(sequence, 1)
                    .set(recorded, new Document(SEATED, seated).append(PLACED_AT, now).append(WALK_IN, walkIn)).inc(REVISION, 1);
            if (seated) {
                notPlaced.and(WAITING).lt(seatCap);
                place.inc(WAITING, 1);
            }
            if (walkIn) {
                place.inc(seated ? WALK_INS_SEATED : "walkInsToVirtualQueue", 1);
            }
            Query query = new Query(notPlaced);
            query.fields().include(WAITING, peakOf(WAITING), sequence);
            Document after = mongo.findAndModify(query, place, FindAndModifyOptions.options().returnNew(true), Document.class,
                    COLLECTION);
            if (after != null) {
                if (seated) {
                    raisePeak(id, WAITING, after);
                }
                return new Arrival(seated, after.get(SEQUENCES, Document.class).getInteger(prefix), now);
            }
        }
        Query look = new Query(where("_id").is(id));
        look.fields().include(recorded);
        Document placed = mongo.findOne(look, Document.class, COLLECTION).get(ARRIVALS, Document.class).get(arrivalKey, Document.class);
        return new Arrival(placed.getBoolean(SEATED), 0, placed.getDate(PLACED_AT).toInstant());
    }

    /**
     * A number for an arrival placed by an attempt that died before storing its ticket. It raises the
     * revision: a sweep judging the day at that moment must not take the arrival's seat back.
     */
    int nextNumber(String officeId, LocalDate day, String prefix) {
        Query query = new Query(where("_id").is(ensure(officeId, day)));
        query.fields().include(SEQUENCES + "." + prefix);
        Document after = mongo.findAndModify(query, new Update().inc(SEQUENCES + "." + prefix, 1).inc(REVISION, 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return after.get(SEQUENCES, Document.class).getInteger(prefix);
    }

    /** An office day's counts and their revision, as a sweep looks at them. */
    record Look(String id, String officeId, int revision, int waiting, int room) {
    }

    List<Look> looksAt(LocalDate day) {
        Query query = new Query(where("date").is(day.toString()));
        query.fields().include("officeId", REVISION, WAITING, ROOM);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(doc -> new Look(doc.getString("_id"), doc.getString("officeId"), doc.getInteger(REVISION, 0),
                        doc.getInteger(WAITING, 0), doc.getInteger(ROOM, 0)))
                .toList();
    }

    /** The keys of the day's arrivals that took a seat, each with whether it was a walk-in. */
    Map<String, Boolean> seatedArrivals(Look look) {
        Query query = new Query(where("_id").is(look.id()));
        query.fields().include(ARRIVALS);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        Map<String, Boolean> seated = new HashMap<>();
        Document arrivals = doc == null ? null : doc.get(ARRIVALS, Document.class);
        if (arrivals != null) {
            arrivals.forEach((key, value) -> {
                Document arrival = (Document) value;
                if (arrival.getBoolean(SEATED, false)) {
                    seated.put(key, arrival.getBoolean(WALK_IN, false));
                }
            });
        }
        return seated;
    }

    /**
     * Sets the counts to what the tickets say, unless anything changed them since {@code look}. The
     * arrivals that died before storing their tickets are forgotten with their seats, and their
     * walk-ins uncounted: a retry that comes later places its visitor afresh, counted once.
     *
     * @param lostArrivals keys of seated arrivals without a ticket, each with whether it was a walk-in
     */
    boolean settle(Look look, int waiting, int room, Map<String, Boolean> lostArrivals) {
        Query unchanged = new Query(where("_id").is(look.id()).and(REVISION).is(look.revision()));
        Update counts = new Update().set(WAITING, waiting).set(ROOM, room).inc(REVISION, 1);
        lostArrivals.keySet().forEach(key -> counts.unset(ARRIVALS + "." + key));
        // An int, as every count of the document is: a long would be stored as another BSON type.
        int lostWalkIns = (int) lostArrivals.values().stream().filter(Boolean::booleanValue).count();
        if (lostWalkIns > 0) {
            counts.inc(WALK_INS_SEATED, -lostWalkIns);
        }
        return mongo.updateFirst(unchanged, counts, COLLECTION).getModifiedCount() == 1;
    }

    DayCounts counts(String officeId, LocalDate day) {
        Query query = new Query(where("_id").is(idOf(officeId, day)));
        query.fields().exclude(ARRIVALS, SEQUENCES);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            return new DayCounts(0, 0, 0, 0, 0, 0);
        }
        return new DayCounts(doc.getInteger(WAITING, 0), doc.getInteger(ROOM, 0), doc.getInteger(peakOf(WAITING), 0),
                doc.getInteger(peakOf(ROOM), 0), doc.getInteger(WALK_INS_SEATED, 0),
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
                    .append(WAITING, 0).append(ROOM, 0).append(REVISION, 0).append("peakWaiting", 0).append("peakRoom", 0)
                    .append(SEQUENCES, new Document()).append(ARRIVALS, new Document()), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // The day started before.
        }
        ensured.add(id);
        return id;
    }
}
