package vn.motcua.payment.receipts.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Numbers receipts in a series per agency and year with neither gaps nor duplicates, without
 * transactions. A number is taken by inserting its claim (unique id series#number): two issuers
 * cannot take the same one. The series' counter only moves past a number whose claim exists, so
 * no number is skipped. Each order's receipt is numbered by one issuer at a time (a lease on the
 * receipt's document), and the number it is about to claim is written there first, so an issuer
 * that takes over after a crash finds the claim its predecessor made and keeps that number.
 */
@Component
public class ReceiptBook {
    static final String RECEIPTS = "receipts";
    static final String CLAIMS = "receipt_number_claims";
    static final String SERIES = "receipt_series";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Clock clock;

    ReceiptBook(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Thrown while another issuer holds the order's receipt: the caller tries again later. */
    public static class BeingIssued extends RuntimeException {
        BeingIssued(String orderId) {
            super("The receipt of " + orderId + " is being numbered by another instance");
        }
    }

    /** @return the order's number in the series, the same however often it is asked for */
    public long number(String orderId, String series) {
        Document receipt = receipt(orderId);
        if (receipt != null && receipt.get("number") != null) {
            return receipt.getLong("number");
        }
        if (receipt == null) {
            try {
                mongo.insert(new Document("_id", orderId).append("series", series), RECEIPTS);
            } catch (DuplicateKeyException concurrent) {
                // Another issuer created it; the lease decides who numbers.
            }
        }
        String me = Thread.currentThread().getName() + "@" + System.identityHashCode(this) + "@" + System.nanoTime();
        Instant now = clock.instant();
        Query free = new Query(where("_id").is(orderId).and("number").exists(false)
                .orOperator(where("issuer").exists(false), where("leaseUntil").lt(now)));
        Document mine = mongo.findAndModify(free, new Update().set("issuer", me).set("leaseUntil", now.plus(LEASE)),
                FindAndModifyOptions.options().returnNew(true), Document.class, RECEIPTS);
        if (mine == null) {
            Document done = receipt(orderId);
            if (done != null && done.get("number") != null) {
                return done.getLong("number");
            }
            throw new BeingIssued(orderId);
        }
        long number = claim(orderId, series, mine.get("candidate") instanceof Long candidate ? candidate : null);
        mongo.updateFirst(new Query(where("_id").is(orderId)), new Update().set("number", number).unset("issuer").unset("leaseUntil"),
                RECEIPTS);
        advancePast(series, number);
        return number;
    }

    private long claim(String orderId, String series, Long candidate) {
        if (candidate != null && orderId.equals(claimant(series, candidate))) {
            return candidate;
        }
        while (true) {
            long next = next(series);
            mongo.updateFirst(new Query(where("_id").is(orderId)), new Update().set("candidate", next), RECEIPTS);
            try {
                mongo.insert(new Document("_id", claimId(series, next)).append("orderId", orderId), CLAIMS);
                return next;
            } catch (DuplicateKeyException taken) {
                if (orderId.equals(claimant(series, next))) {
                    return next;
                }
                advancePast(series, next);
            }
        }
    }

    private long next(String series) {
        Document counter = mongo.findOne(new Query(where("_id").is(series)), Document.class, SERIES);
        return counter == null ? 1 : counter.getLong("next");
    }

    /** Moves the counter from {@code number} to the one after, if no one has yet; never backwards, never past an unclaimed number. */
    private void advancePast(String series, long number) {
        Criteria atNumber = where("_id").is(series).and("next").is(number);
        if (mongo.updateFirst(new Query(atNumber), new Update().set("next", number + 1), SERIES).getMatchedCount() == 0 && number == 1) {
            try {
                mongo.insert(new Document("_id", series).append("next", 2L), SERIES);
            } catch (DuplicateKeyException alreadyThere) {
                mongo.updateFirst(new Query(where("_id").is(series).and("next").is(1L)), new Update().set("next", 2L), SERIES);
            }
        }
    }

    private String claimant(String series, long number) {
        Document claim = mongo.findOne(new Query(where("_id").is(claimId(series, number))), Document.class, CLAIMS);
        return claim == null ? null : claim.getString("orderId");
    }

    private Document receipt(String orderId) {
        return mongo.findOne(new Query(where("_id").is(orderId)), Document.class, RECEIPTS);
    }

    private static String claimId(String series, long number) {
        return series + "#" + number;
    }
}
