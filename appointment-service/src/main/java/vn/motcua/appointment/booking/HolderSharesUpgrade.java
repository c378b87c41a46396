package vn.motcua.appointment.booking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Holder documents written before shares were kept per booking (ADR 0040) list their codes in
 * {@code bookings} and their days, unpaired, in {@code officeDays}. At start each is rewritten in
 * today's shape, each code's day read from its booking; a code with no booking stored (an attempt
 * that died before storing it) held a share for nobody and is dropped. A pass that finds none left
 * is recorded, so later starts look up one document instead of scanning every holder.
 */
@Component
class HolderSharesUpgrade implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(HolderSharesUpgrade.class);
    private static final String OLD_CODES = "bookings";
    static final String UPGRADES = "upgrades";
    static final String DONE = "holder-shares-per-booking";

    private final MongoTemplate mongo;
    private final BookingRepository bookings;
    private final boolean onePerOfficeDay;

    HolderSharesUpgrade(MongoTemplate mongo, BookingRepository bookings,
            @Value("${motcua.appointment.holders.one-per-office-day}") boolean onePerOfficeDay) {
        this.mongo = mongo;
        this.bookings = bookings;
        this.onePerOfficeDay = onePerOfficeDay;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(where("_id").is(DONE)), UPGRADES)) {
            return;
        }
        int upgraded = 0;
        for (Document old : mongo.find(new Query(where(OLD_CODES).exists(true)), Document.class, HolderLimits.COLLECTION)) {
            Document held = new Document();
            Document days = new Document();
            for (String code : old.getList(OLD_CODES, String.class)) {
                bookings.findById(code).ifPresent(booking -> {
                    held.put(code, booking.officeDay());
                    days.put(booking.officeDay(), code);
                });
            }
            Update shape = new Update().set(HolderLimits.HELD, held).set("active", held.size()).unset(OLD_CODES).unset("officeDays");
            if (onePerOfficeDay) {
                shape = shape.set(HolderLimits.DAYS, days);
            }
            upgraded += (int) mongo.updateFirst(new Query(where("_id").is(old.get("_id")).and(OLD_CODES).exists(true)), shape,
                    HolderLimits.COLLECTION).getModifiedCount();
        }
        if (upgraded > 0) {
            log.info("Rewrote {} booking holders' shares per booking", upgraded);
        }
        mongo.save(new Document("_id", DONE).append("at", Date.from(Instant.now())), UPGRADES);
    }
}
