package vn.motcua.appointment.booking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    private final MongoTemplate mongo;

    SlotLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String officeId, LocalDate day, LocalTime start) {
        return officeId + "|" + day + "|" + start;
    }

    /** The slot's first booking creates its document with the place taken; later ones take theirs while places are left. */
    boolean claim(String officeId, LocalDate day, LocalTime start, int places, String bookingCode) {
        if (places <= 0) {
            return false;
        }
        Query placeLeft = new Query(where("_id").is(idOf(officeId, day, start)).and("booked").lt(places).and("bookings").ne(bookingCode));
        Update take = new Update().inc("booked", 1).push("bookings", bookingCode).setOnInsert("officeId", officeId)
                .setOnInsert("date", day.toString()).setOnInsert("start", start.toString());
        return CappedTakes.take(mongo, placeLeft, take, COLLECTION);
    }

    /** Whether the slot holds a place under the code (taken by an earlier attempt of the same move). */
    boolean holds(String officeId, LocalDate day, LocalTime start, String bookingCode) {
        return mongo.exists(new Query(where("_id").is(idOf(officeId, day, start)).and("bookings").is(bookingCode)), COLLECTION);
    }

    void release(String officeId, LocalDate day, LocalTime start, String bookingCode) {
        mongo.updateFirst(new Query(where("_id").is(idOf(officeId, day, start)).and("bookings").is(bookingCode)),
                new Update().inc("booked", -1).pull("bookings", bookingCode), COLLECTION);
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
