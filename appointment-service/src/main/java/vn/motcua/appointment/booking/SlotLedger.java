package vn.motcua.appointment.booking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The bookings of each slot, one document per slot. A place is taken by one conditional update
 * ("fewer bookings than the places derived now"), so no slot ever holds more bookings than places,
 * whatever the number of instances and concurrent requests; no lock is held across calls. The
 * places are not stored: they follow from the roster and the room limit of the day, so a smaller
 * roster leaves the bookings beyond the new places in their list order, latest last, to be moved.
 */
@Component
class SlotLedger {
    static final String COLLECTION = "slots";
    /** Per booking code, the move that took its place here (absent: the booking itself, or a move before marks were kept). */
    static final String MOVES = "moves";

    private final MongoTemplate mongo;
    private volatile boolean codesIndexed;

    SlotLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String officeId, LocalDate day, LocalTime start) {
        return officeId + "|" + day + "|" + start;
    }

    /** The slot's first booking creates its document with the place taken; later ones take theirs while places are left. */
    boolean claim(String officeId, LocalDate day, LocalTime start, int places, String bookingCode) {
        return claim(officeId, day, start, places, bookingCode, null);
    }

    /**
     * A place taken by a move, kept with the move's mark: the booking's version once the move stores
     * it. The mark tells this place from one the booking held in the slot before (a move back into
     * the slot it left), so each is given back only by what took it.
     */
    boolean claimForMove(String officeId, LocalDate day, LocalTime start, int places, String bookingCode, long move) {
        return claim(officeId, day, start, places, bookingCode, move);
    }

    private boolean claim(String officeId, LocalDate day, LocalTime start, int places, String bookingCode, Long move) {
        if (places <= 0) {
            return false;
        }
        Query placeLeft = new Query(where("_id").is(idOf(officeId, day, start)).and("booked").lt(places).and("bookings").ne(bookingCode));
        Update take = new Update().inc("booked", 1).push("bookings", bookingCode).setOnInsert("officeId", officeId)
                .setOnInsert("date", day.toString()).setOnInsert("start", start.toString());
        if (move != null) {
            take = take.set(movedIn(bookingCode), move);
        }
        return CappedTakes.take(mongo, placeLeft, take, COLLECTION);
    }

    /**
     * Whether the slot holds a place under the code that this move takes as its own: its earlier
     * attempt's, the same move's sent beside it, or one taken before places were marked (then marked
     * now, a write only on this retry path).
     */
    boolean adoptForMove(String officeId, LocalDate day, LocalTime start, String bookingCode, long move) {
        Criteria ours = heldIn(idOf(officeId, day, start), bookingCode)
                .orOperator(where(movedIn(bookingCode)).is(move), where(movedIn(bookingCode)).exists(false));
        return mongo.updateFirst(new Query(ours), new Update().set(movedIn(bookingCode), move), COLLECTION).getMatchedCount() == 1;
    }

    /** Gives back the place this move took, and not one a later move of the booking took there since. */
    void releaseMove(String officeId, LocalDate day, LocalTime start, String bookingCode, long move) {
        release(heldIn(idOf(officeId, day, start), bookingCode).and(movedIn(bookingCode)).is(move), bookingCode);
    }

    /**
     * Gives back the places still held under the code in other slots than {@code kept}: the slot
     * the booking was moved out of, and those of moves that lost to another or died before giving
     * their place back, found once the booking is stored past them. Only places marked up to
     * {@code upTo}, or unmarked, go: a move marked up to the booking's stored version read an older
     * one, so it cannot store the booking any more, and a move that read the booking since (one
     * back into the slot the booking left, say) marks its place higher and keeps it.
     *
     * @param kept the id of the slot the booking is in; null when it keeps no place (cancelled, used)
     * @param upTo the booking's version as stored; null for every mark (no move can store it any more)
     * @return how many places were given back
     */
    int releaseStrays(String bookingCode, String kept, Long upTo) {
        indexTheCodes();
        Criteria strays = where("bookings").is(bookingCode);
        if (kept != null) {
            strays = strays.and("_id").ne(kept);
        }
        Query slotIds = new Query(strays);
        slotIds.fields().include("_id");
        int released = 0;
        for (Document slot : mongo.find(slotIds, Document.class, COLLECTION)) {
            released += release(upTo == null ? heldIn(slot.getString("_id"), bookingCode)
                    : takenBefore(slot.getString("_id"), bookingCode, upTo + 1), bookingCode) ? 1 : 0;
        }
        return released;
    }

    /**
     * Gives back the place of a slot the booking left, if it was taken before the booking's version
     * {@code before}: a later move back into that slot took a place of its own, which stays.
     */
    void releaseLeft(String officeId, LocalDate day, LocalTime start, String bookingCode, long before) {
        release(takenBefore(idOf(officeId, day, start), bookingCode, before), bookingCode);
    }

    /** Gives back the place held under the code, whatever took it. */
    void release(String officeId, LocalDate day, LocalTime start, String bookingCode) {
        release(heldIn(idOf(officeId, day, start), bookingCode), bookingCode);
    }

    private boolean release(Criteria held, String bookingCode) {
        return mongo.updateFirst(new Query(held), new Update().inc("booked", -1).pull("bookings", bookingCode).unset(movedIn(bookingCode)),
                COLLECTION).getModifiedCount() == 1;
    }

    private static Criteria heldIn(String slotId, String bookingCode) {
        return where("_id").is(slotId).and("bookings").is(bookingCode);
    }

    /** The slot's place under the code, taken by the booking itself or by a move that stored (or was to store) a version before {@code version}. */
    private static Criteria takenBefore(String slotId, String bookingCode, long version) {
        return heldIn(slotId, bookingCode).orOperator(where(movedIn(bookingCode)).exists(false), where(movedIn(bookingCode)).lt(version));
    }

    /** On MongoDB, the search for a booking's strays reads an index rather than every slot ever booked. */
    private void indexTheCodes() {
        if (!codesIndexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("bookings", Sort.Direction.ASC).named("bookings"));
            codesIndexed = true;
        }
    }

    private static String movedIn(String bookingCode) {
        return MOVES + "." + bookingCode;
    }

    /** The booking codes of each booked slot of a day, by start time, in the order they were booked. */
    Map<LocalTime, List<String>> day(String officeId, LocalDate day) {
        Map<LocalTime, List<String>> slots = new HashMap<>();
        mongo.find(new Query(where("officeId").is(officeId).and("date").is(day.toString())), Document.class, COLLECTION)
                .forEach(slot -> slots.put(LocalTime.parse(slot.getString("start")), slot.getList("bookings", String.class)));
        return slots;
    }

    /** Days from {@code from} on with a booked slot. */
    List<LocalDate> bookedDaysFrom(String officeId, LocalDate from) {
        return mongo.findDistinct(new Query(where("officeId").is(officeId).and("date").gte(from.toString()).and("booked").gt(0)),
                "date", COLLECTION, String.class).stream().map(LocalDate::parse).sorted().toList();
    }
}
