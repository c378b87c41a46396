package vn.motcua.payment.reconciliation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.kit.outbox.AggregateStore;

/** Records a difference once (and raises {@code ReconciliationMismatch} once); lists a day's. */
@Component
public class Mismatches {
    public static final String PROVIDER = "PROVIDER";
    public static final String POSTAL = "POSTAL";
    /** Fees the postman collected for an order paid online or at the counter: given back to the citizen (ADR 0067). */
    public static final String PAID_TWICE = "PAID_TWICE";

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;

    Mismatches(AggregateStore store, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A postal remittance's item that does not match what the postman was recorded to collect. */
    public void postal(LocalDate day, String shipmentId, String paymentId, long platformAmount, long remitted, String kind) {
        record(day, POSTAL, kind, shipmentId, paymentId, platformAmount, remitted);
    }

    /** @return true when it was new */
    boolean record(LocalDate day, String source, String kind, String reference, String paymentId, long platformAmount, long sourceAmount) {
        return store.insertOnce(Mismatch.found(day, source, kind, reference, paymentId, platformAmount, sourceAmount, clock.instant()));
    }

    List<Mismatch> of(LocalDate day) {
        return mongo.find(new Query(where("day").is(day)).with(Sort.by("source", "kind", "reference")), Mismatch.class);
    }
}
