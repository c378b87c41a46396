package vn.motcua.kit.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A claim on a document's waiting events that the relay offers to a write, for the write to take
 * together with its change: when the claim is free, the write leaves the document claimed and
 * returns the events waiting, so publishing them costs only the write that gives the claim back
 * (ADR 0032).
 */
public final class WriteClaim {
    private final String holder;
    private final Instant until;

    WriteClaim(String holder, Instant until) {
        this.holder = holder;
        this.until = until;
    }

    String holder() {
        return holder;
    }

    /** The value of the document's {@code outboxClaim} while this claim is held. */
    Document asField() {
        return new Document("by", holder).append("until", Date.from(until));
    }
}
