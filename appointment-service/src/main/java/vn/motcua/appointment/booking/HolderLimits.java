package vn.motcua.appointment.booking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;

/**
 * No hoarding: per citizen id and per phone number, at most {@code max-active} bookings holding a
 * place and at most one per office and day. Each claim is one conditional update of the holder's
 * document, so concurrent requests of one holder cannot pass the caps either.
 */
@Component
class HolderLimits {
    static final String COLLECTION = "booking_holders";

    private final MongoTemplate mongo;
    private final int maxActive;
    private final boolean onePerOfficeDay;

    HolderLimits(MongoTemplate mongo, @Value("${motcua.appointment.holders.max-active}") int maxActive,
            @Value("${motcua.appointment.holders.one-per-office-day}") boolean onePerOfficeDay) {
        this.mongo = mongo;
        this.maxActive = maxActive;
        this.onePerOfficeDay = onePerOfficeDay;
    }

    /** What a holder's one booking per office and day is counted by. */
    static String officeDayOf(String officeId, LocalDate date) {
        return officeId + "|" + date;
    }

    /** Claims a share for every key of the holder, or none: a refusal undoes the keys claimed before it. */
    void claim(BookingHolder holder, String officeDay, String bookingCode) {
        List<String> claimed = new ArrayList<>();
        for (String key : holder.keys()) {
            if (!claim(key, officeDay, bookingCode)) {
                claimed.forEach(k -> release(k, officeDay, bookingCode));
                throw refusal(key, officeDay);
            }
            claimed.add(key);
        }
    }

    void release(BookingHolder holder, String officeDay, String bookingCode) {
        holder.keys().forEach(key -> release(key, officeDay, bookingCode));
    }

    /** A holder's first booking creates their document with the share taken; later ones take it under the caps. */
    private boolean claim(String key, String officeDay, String bookingCode) {
        Criteria underCaps = where("_id").is(key).and("active").lt(maxActive).and("bookings").ne(bookingCode);
        if (onePerOfficeDay) {
            underCaps = underCaps.and("officeDays").ne(officeDay);
        }
        Update take = new Update().inc("active", 1).push("officeDays", officeDay).push("bookings", bookingCode);
        return CappedTakes.take(mongo, new Query(underCaps), take, COLLECTION);
    }

    private void release(String key, String officeDay, String bookingCode) {
        mongo.updateFirst(new Query(where("_id").is(key).and("bookings").is(bookingCode)),
                new Update().inc("active", -1).pull("officeDays", officeDay).pull("bookings", bookingCode), COLLECTION);
    }

    private ApiProblem refusal(String key, String officeDay) {
        Document holder = mongo.findById(key, Document.class, COLLECTION);
        String who = key.startsWith("phone:") ? "This phone number" : "This citizen";
        if (onePerOfficeDay && holder != null && holder.getList("officeDays", String.class).contains(officeDay)) {
            return ApiProblem.conflict("one-booking-per-office-day",
                    who + " already has a booking at this office on that day; reschedule it instead");
        }
        return ApiProblem.conflict("too-many-active-bookings",
                who + " already holds " + maxActive + " bookings; cancel one or wait until one is used")
                .with("maxActive", maxActive);
    }
}
