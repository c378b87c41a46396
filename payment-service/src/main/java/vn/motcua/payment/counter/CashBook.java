package vn.motcua.payment.counter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;

/**
 * An agency's cash at its counter on one day, as the officers hand it over at closing: what each took, and what went
 * back in cash (refunds of fees paid at the counter or to the postman, and the postman's cash for fees paid before, ADR
 * 0067), so the drawer is counted against the platform.
 */
@Component
class CashBook {
    private final MongoTemplate mongo;

    CashBook(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param officer who took the cash; a refunded payment stays here, on the day it was taken */
    record Taken(String paymentId, String dossierCode, FeeStage stage, long amount, String officer, Instant paidAt,
            String receiptNumber) {
    }

    record GivenBack(String paymentId, String dossierCode, long amount, PaymentMethod paidBy, String reason, Instant givenBackAt) {
    }

    record ByOfficer(String officer, int payments, long amount) {
    }

    /**
     * @param received đồng taken at the counter that day
     * @param givenBack đồng given back in cash that day
     */
    record Day(String agencyCode, LocalDate day, long received, long givenBack, List<ByOfficer> byOfficer, List<Taken> payments,
            List<GivenBack> refunds) {
    }

    Day of(String agencyCode, LocalDate day) {
        Instant from = day.atStartOfDay(CivilTime.VIETNAM).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CivilTime.VIETNAM).toInstant();
        List<Taken> taken = mongo.find(new Query(where("agencyCode").is(agencyCode).and("completedAt").gte(from).lt(to)
                        .and("method").is(PaymentMethod.CASH_AT_COUNTER)).with(Sort.by("completedAt", "_id")), PaymentOrder.class).stream()
                .map(order -> new Taken(order.id(), order.dossierCode(), order.stage(), order.amount(), order.paidReference(),
                        order.completedAt(), order.receiptNumber()))
                .toList();
        List<GivenBack> givenBack = Stream.concat(refundsInCash(agencyCode, from, to), collectedTwiceGivenBackInCash(agencyCode, from, to))
                .sorted(Comparator.comparing(GivenBack::givenBackAt).thenComparing(GivenBack::paymentId)).toList();
        List<ByOfficer> byOfficer = taken.stream()
                .collect(Collectors.groupingBy(Taken::officer, TreeMap::new, Collectors.summarizingLong(Taken::amount)))
                .entrySet().stream().map(officer -> new ByOfficer(officer.getKey(), (int) officer.getValue().getCount(),
                        officer.getValue().getSum()))
                .toList();
        return new Day(agencyCode, day, taken.stream().mapToLong(Taken::amount).sum(),
                givenBack.stream().mapToLong(GivenBack::amount).sum(), byOfficer, taken, givenBack);
    }

    /** Orders refunded in cash: paid in cash, or paid online and that payment refunded when the postman collected too. */
    private Stream<GivenBack> refundsInCash(String agencyCode, Instant from, Instant to) {
        Criteria paidInCash = new Criteria().orOperator(where("method").in(PaymentMethod.CASH_AT_COUNTER, PaymentMethod.CASH_ON_DELIVERY),
                where("collectedTwice.givenBackAs").is(PaymentMethod.ONLINE));
        return mongo.find(new Query(where("status").is(PaymentStatus.REFUNDED).and("agencyCode").is(agencyCode).and("refund.refundedAt")
                        .gte(from).lt(to).andOperator(paidInCash)), PaymentOrder.class).stream()
                .map(order -> new GivenBack(order.id(), order.dossierCode(), order.refund().amount(),
                        order.method().inCash() ? order.method() : PaymentMethod.CASH_ON_DELIVERY, order.refund().reason(),
                        order.refund().refundedAt()));
    }

    /** The postman's cash for fees paid before, given back at the counter (ADR 0067). */
    private Stream<GivenBack> collectedTwiceGivenBackInCash(String agencyCode, Instant from, Instant to) {
        return mongo.find(new Query(where("agencyCode").is(agencyCode).and("collectedTwice.givenBackAs").is(PaymentMethod.CASH_ON_DELIVERY)
                        .and("collectedTwice.givenBackAt").gte(from).lt(to)), PaymentOrder.class).stream()
                .map(order -> new GivenBack(order.id(), order.dossierCode(), order.collectedTwice().amount(), PaymentMethod.CASH_ON_DELIVERY,
                        order.collectedTwice().reason(),
                        order.collectedTwice().givenBackAt()));
    }
}
