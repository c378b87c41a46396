package vn.motcua.payment.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.payment.ReconciliationMismatch;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * One difference the reconciliation found. Its id names the day, the source and the reference, so
 * running the reconciliation again finds it again without recording or announcing it twice.
 */
@Document("reconciliation_mismatches")
public class Mismatch extends Aggregate {
    @Id
    private final String id;
    @Indexed
    private final LocalDate day;
    private final String source;
    private final String kind;
    private final String reference;
    private final String paymentId;
    private final long platformAmount;
    private final long sourceAmount;
    private final Instant foundAt;

    @PersistenceCreator
    Mismatch(String id, LocalDate day, String source, String kind, String reference, String paymentId, long platformAmount,
            long sourceAmount, Instant foundAt) {
        this.id = id;
        this.day = day;
        this.source = source;
        this.kind = kind;
        this.reference = reference;
        this.paymentId = paymentId;
        this.platformAmount = platformAmount;
        this.sourceAmount = sourceAmount;
        this.foundAt = foundAt;
    }

    static Changed<Mismatch> found(LocalDate day, String source, String kind, String reference, String paymentId, long platformAmount,
            long sourceAmount, Instant now) {
        String id = "MM-" + day + "-" + source + "-" + kind + "-" + reference;
        Mismatch mismatch = new Mismatch(id, day, source, kind, reference, paymentId, platformAmount, sourceAmount, now);
        return Changed.of(mismatch, new ReconciliationMismatch(id, day, source, kind, reference, paymentId, platformAmount, sourceAmount,
                now));
    }

    @Override
    public String id() {
        return id;
    }

    public LocalDate day() {
        return day;
    }

    public String source() {
        return source;
    }

    public String kind() {
        return kind;
    }

    public String reference() {
        return reference;
    }

    public String paymentId() {
        return paymentId;
    }

    public long platformAmount() {
        return platformAmount;
    }

    public long sourceAmount() {
        return sourceAmount;
    }

    public Instant foundAt() {
        return foundAt;
    }
}
