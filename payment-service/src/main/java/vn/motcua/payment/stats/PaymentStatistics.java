package vn.motcua.payment.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.kit.web.Periods;
import vn.motcua.payment.ordering.CollectedTwice;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;

/**
 * Payment figures for a period (orders requested in it): by status and method, and the national
 * indicator "share of dossiers paid online" (dossiers with a fee paid online ÷ dossiers with a
 * fee paid). Ops see every agency; a leader sees their own.
 */
@RestController
@RequestMapping("/api/v1/payments/statistics")
class PaymentStatistics {

    private final MongoTemplate mongo;

    PaymentStatistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param paidOnline, paidToPostman, paidAtCounter đồng paid each way (ADR 0065 for the counter); fees the postman
     *     collected for an order paid before are in paidToPostman, and what went back of them in refunded (ADR 0067)
     * @param shareOfDossiersPaidOnline 0..1, null when no dossier paid a fee in the period
     */
    record Figures(String agencyCode, LocalDate from, LocalDate to, Map<PaymentStatus, Long> orders, long paidOnline, long paidToPostman,
            long paidAtCounter, long refunded, int dossiersPaying, int dossiersPaidOnline, Double shareOfDossiersPaidOnline) {
    }

    @Operation(summary = "Payment figures for a period (ops: all agencies or ?agency=; leader: their agency)")
    @GetMapping
    @PreAuthorize("hasAnyRole('ops', 'leader')")
    Figures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) String agency,
            Caller caller) {
        Periods.check(from, to);
        String scope = caller.has(Role.OPS) ? agency : caller.agency();
        if (!caller.has(Role.OPS) && agency != null && !agency.equals(caller.agency())) {
            throw ApiProblem.forbidden("A leader sees the figures of their own agency");
        }
        Criteria inPeriod = where("requestedAt").gte(from.atStartOfDay(CivilTime.VIETNAM).toInstant()).lt(to.plusDays(1).atStartOfDay(CivilTime.VIETNAM).toInstant());
        if (scope != null) {
            inPeriod = inPeriod.and("agencyCode").is(scope);
        }
        Map<PaymentStatus, Long> byStatus = new EnumMap<>(PaymentStatus.class);
        Map<PaymentMethod, Long> paid = new EnumMap<>(PaymentMethod.class);
        long refunded = 0;
        Set<String> paying = new HashSet<>();
        Set<String> payingOnline = new HashSet<>();
        // A cursor, one order at a time: a year of a province's orders was read into one list first.
        try (Stream<PaymentOrder> orders = mongo.stream(new Query(inPeriod), PaymentOrder.class)) {
            for (PaymentOrder order : (Iterable<PaymentOrder>) orders::iterator) {
                byStatus.merge(order.status(), 1L, Long::sum);
                if (order.completedAt() != null) {
                    paying.add(order.dossierCode());
                    paid.merge(order.method(), order.amount(), Long::sum);
                    if (order.method() == PaymentMethod.ONLINE) {
                        payingOnline.add(order.dossierCode());
                    }
                }
                if (order.refund() != null && order.refund().done()) {
                    refunded += order.refund().amount();
                }
                // Fees the postman collected after another payment were paid too, and went back (ADR 0067).
                CollectedTwice twice = order.collectedTwice();
                if (twice != null) {
                    paid.merge(PaymentMethod.CASH_ON_DELIVERY, twice.fees(), Long::sum);
                    refunded += twice.done() ? twice.amount() : 0;
                }
            }
        }
        return new Figures(scope, from, to, byStatus, paid.getOrDefault(PaymentMethod.ONLINE, 0L),
                paid.getOrDefault(PaymentMethod.CASH_ON_DELIVERY, 0L), paid.getOrDefault(PaymentMethod.CASH_AT_COUNTER, 0L), refunded,
                paying.size(), payingOnline.size(),
                paying.isEmpty() ? null : (double) payingOnline.size() / paying.size());
    }
}
