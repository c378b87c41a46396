package vn.motcua.payment.reconciliation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.AttemptReferences;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * Compares the provider's statement of a day (Việt Nam time) with the online payments the
 * platform recorded that day, attempt by attempt: one the provider settled that the platform
 * does not have as paid, one the platform has that the statement lacks, and a different amount
 * are each recorded once. Runs daily for the day before, on one instance (cluster lease), and on
 * demand by ops.
 */
@Component
public class DailyReconciliation {
    private static final Logger log = LoggerFactory.getLogger(DailyReconciliation.class);
    private static final String LEASE = "payment-reconciliation";
    private static final String PAYMENT = "01";

    private final PaymentProvider provider;
    private final MongoTemplate mongo;
    private final AttemptReferences references;
    private final Mismatches mismatches;
    private final ClusterLease lease;
    private final Clock clock;

    DailyReconciliation(PaymentProvider provider, MongoTemplate mongo, AttemptReferences references, Mismatches mismatches,
            ClusterLease lease, Clock clock) {
        this.provider = provider;
        this.mongo = mongo;
        this.references = references;
        this.mismatches = mismatches;
        this.lease = lease;
        this.clock = clock;
    }

    /** @param mismatches how many differences that day has in all (new or found before) */
    public record Result(LocalDate day, int statementLines, int platformPayments, int mismatches) {
    }

    @Scheduled(cron = "${motcua.payment.reconciliation.cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        if (lease.tryAcquire(LEASE, Duration.ofMinutes(30))) {
            run(LocalDate.now(clock.withZone(CivilTime.VIETNAM)).minusDays(1));
        }
    }

    public Result run(LocalDate day) {
        Instant from = day.atStartOfDay(CivilTime.VIETNAM).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CivilTime.VIETNAM).toInstant();
        Map<String, Long> settled = new HashMap<>();
        for (PaymentProvider.StatementLine line : provider.statement(day)) {
            if (PAYMENT.equals(line.type())) {
                settled.merge(line.reference(), line.amount(), Long::sum);
            }
        }
        Map<String, Attempt> paid = new HashMap<>();
        Map<String, String> orderOf = new HashMap<>();
        Query paidThatDay = new Query(where("attempts.paidAt").gte(from).lt(to));
        for (PaymentOrder order : mongo.find(paidThatDay, PaymentOrder.class)) {
            for (Attempt attempt : order.attempts()) {
                if (attempt.state() == Attempt.State.SUCCEEDED && !attempt.paidAt().isBefore(from) && attempt.paidAt().isBefore(to)) {
                    paid.put(attempt.reference(), attempt);
                    orderOf.put(attempt.reference(), order.id());
                }
            }
        }
        settled.forEach((reference, amount) -> {
            Attempt ours = paid.get(reference);
            if (ours == null) {
                mismatches.record(day, Mismatches.PROVIDER, "MISSING_IN_PLATFORM", reference, references.orderOf(reference).orElse(null), 0,
                        amount);
            } else if (ours.amount() != amount) {
                mismatches.record(day, Mismatches.PROVIDER, "AMOUNT_DIFFERS", reference, orderOf.get(reference), ours.amount(), amount);
            }
        });
        paid.forEach((reference, attempt) -> {
            if (!settled.containsKey(reference)) {
                mismatches.record(day, Mismatches.PROVIDER, "MISSING_AT_SOURCE", reference, orderOf.get(reference), attempt.amount(), 0);
            }
        });
        List<Mismatch> found = mismatches.of(day);
        log.info("Reconciliation of {}: {} statement payments, {} platform payments, {} mismatch(es)", day, settled.size(), paid.size(),
                found.size());
        return new Result(day, settled.size(), paid.size(), found.size());
    }
}
