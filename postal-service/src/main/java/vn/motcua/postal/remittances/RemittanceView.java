package vn.motcua.postal.remittances;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A remittance batch as its operator sees it: what was paid over and what did not reconcile. */
public record RemittanceView(String batchId, LocalDate day, long total, int itemCount, boolean reconciled,
        List<Remittance.Discrepancy> discrepancies, Instant receivedAt) {

    static RemittanceView of(Remittance r) {
        return new RemittanceView(r.batchId(), r.day(), r.total(), r.items().size(), r.discrepancies().isEmpty(), r.discrepancies(),
                r.receivedAt());
    }
}
