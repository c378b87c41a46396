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
 *
 * <p>A holder's document keeps each share under its booking: {@code held} maps a booking code to
 * its office day, and (while the one-per-office-day rule is on) {@code days} maps an office day to
 * the booking holding it. A share is given back, or moved to another day, by its code alone, so a
 * move or a cancel touches its own booking's day and never another's, and a step repeated after a
 * failure finds what the first attempt did.
 */
@Component
class HolderLimits {
    static final String COLLECTION = "booking_holders";
    static final String HELD = "held";
    static final String DAYS = "days";
    private static final int MOVE_ATTEMPTS = 5;

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

    /** Gives back the booking's share under every key of the holder, whichever day it is held for (none held: nothing). */
    void release(BookingHolder holder, String officeDay, String bookingCode) {
        holder.keys().forEach(key -> release(key, officeDay, bookingCode));
    }

    /**
     * Moves the booking's share of every key to another day, under the one-per-office-day rule; a
     * share already there (the move's retry) stays. A refusal puts the keys moved before it back to
     * {@code fromDay}.
     */
    void move(BookingHolder holder, String bookingCode, String fromDay, String toDay) {
        List<String> moved = new ArrayList<>();
        for (String key : holder.keys()) {
            try {
                move(key, bookingCode, toDay, true);
            } catch (ApiProblem refused) {
                moved.forEach(k -> moveBack(k, bookingCode, fromDay));
                throw refused;
            }
            moved.add(key);
        }
    }

    /** After a move failed: each share still held back at the day its booking is stored for, where it can be. */
    void realign(BookingHolder holder, String bookingCode, String storedDay) {
        holder.keys().forEach(key -> moveBack(key, bookingCode, storedDay));
    }

    /** A holder's first booking creates their document with the share taken; later ones take it under the caps. */
    private boolean claim(String key, String officeDay, String bookingCode) {
        Criteria underCaps = where("_id").is(key).and("active").lt(maxActive).and(heldBy(bookingCode)).exists(false);
        Update take = new Update().inc("active", 1).set(heldBy(bookingCode), officeDay);
        if (onePerOfficeDay) {
            underCaps = underCaps.and(taken(officeDay)).exists(false);
            take = take.set(taken(officeDay), bookingCode);
        }
        return CappedTakes.take(mongo, new Query(underCaps), take, COLLECTION);
    }

    /** Tries the day the caller knows first; a share found under another day (a move that died part-way) goes all the same. */
    private void release(String key, String officeDay, String bookingCode) {
        if (!releaseAt(key, bookingCode, officeDay)) {
            String heldFor = dayHeld(read(key), bookingCode);
            if (heldFor != null) {
                releaseAt(key, bookingCode, heldFor);
            }
        }
    }

    private boolean releaseAt(String key, String bookingCode, String officeDay) {
        Update giveBack = new Update().inc("active", -1).unset(heldBy(bookingCode));
        if (onePerOfficeDay) {
            giveBack = giveBack.unset(taken(officeDay));
        }
        return mongo.updateFirst(new Query(where("_id").is(key).and(heldBy(bookingCode)).is(officeDay)), giveBack, COLLECTION)
                .getModifiedCount() == 1;
    }

    /**
     * Compare-and-set of the share's day: read where it is, move it from there. Another move of the
     * same booking in between makes the set miss, and it is read again; whichever move stores the
     * booking last, {@link #realign} puts the share where the booking is. One read of the holder's
     * document per attempt serves every decision of that attempt.
     *
     * @param claimIfNone take a share under the caps when none is held (a move); false to leave the
     *     key alone then (a move back after a failure, which must not take what was given back)
     */
    private void move(String key, String bookingCode, String toDay, boolean claimIfNone) {
        for (int attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
            Document holder = read(key);
            String heldFor = dayHeld(holder, bookingCode);
            if (toDay.equals(heldFor)) {
                return;
            }
            if (heldFor == null) {
                // No share held (a booking older than this document's shape, or one given back by mistake): taken under the caps.
                if (claimIfNone && !claim(key, toDay, bookingCode)) {
                    throw refusal(key, toDay);
                }
                return;
            }
            if (onePerOfficeDay && dayTakenByAnother(holder, toDay, bookingCode)) {
                throw refusal(key, toDay, holder);
            }
            Criteria unmoved = where("_id").is(key).and(heldBy(bookingCode)).is(heldFor);
            Update move = new Update().set(heldBy(bookingCode), toDay);
            if (onePerOfficeDay) {
                unmoved = unmoved.and(taken(toDay)).exists(false);
                move = move.set(taken(toDay), bookingCode).unset(taken(heldFor));
            }
            if (mongo.updateFirst(new Query(unmoved), move, COLLECTION).getModifiedCount() == 1) {
                return;
            }
        }
        throw ApiProblem.conflict("concurrent-update", "This booking is being changed by another request; read it again and retry");
    }

    private void moveBack(String key, String bookingCode, String day) {
        try {
            move(key, bookingCode, day, false);
        } catch (ApiProblem cannot) {
            // The day was taken by the holder's other booking meanwhile: the share stays where the move left it, still one share.
        }
    }

    private Document read(String key) {
        return mongo.findById(key, Document.class, COLLECTION);
    }

    private static String dayHeld(Document holder, String bookingCode) {
        Document held = holder == null ? null : holder.get(HELD, Document.class);
        return held == null ? null : held.getString(bookingCode);
    }

    private static boolean dayTakenByAnother(Document holder, String officeDay, String bookingCode) {
        Document days = holder == null ? null : holder.get(DAYS, Document.class);
        String holding = days == null ? null : days.getString(officeDay);
        return holding != null && !holding.equals(bookingCode);
    }

    private ApiProblem refusal(String key, String officeDay) {
        return refusal(key, officeDay, read(key));
    }

    /** @param holder the holder's document as read when the refusal was decided */
    private ApiProblem refusal(String key, String officeDay, Document holder) {
        Document days = holder == null ? null : holder.get(DAYS, Document.class);
        String who = key.startsWith("phone:") ? "This phone number" : "This citizen";
        if (onePerOfficeDay && days != null && days.containsKey(officeDay)) {
            return ApiProblem.conflict("one-booking-per-office-day",
                    who + " already has a booking at this office on that day; reschedule it instead");
        }
        return ApiProblem.conflict("too-many-active-bookings",
                who + " already holds " + maxActive + " bookings; cancel one or wait until one is used")
                .with("maxActive", maxActive);
    }

    private static String heldBy(String bookingCode) {
        return HELD + "." + bookingCode;
    }

    private static String taken(String officeDay) {
        return DAYS + "." + officeDay;
    }
}
