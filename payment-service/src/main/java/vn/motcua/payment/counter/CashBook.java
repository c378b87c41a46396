package vn.motcua.payment.counter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
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
import vn.motcua.payment.ordering.CashBack;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;

/**
 * An agency's cash at its counter on one day, as the officers hand it over at closing: what each took, and what each
 * handed back to citizens (refunds of fees paid at the counter or to the postman, and the postman's cash for fees paid
 * before, ADR 0067), so the drawer is counted against the platform. Cash noted to go back leaves the drawer when an
 * officer hands it over, not when it is noted (ADR 0070); until then it is listed as still owed.
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

    /**
     * @param notedAt when the platform noted the cash to go back (the refund, or the postman's second collection)
     * @param officer who handed it over
     */
    record GivenBack(String paymentId, String dossierCode, long amount, PaymentMethod paidBy, String reason, Instant notedAt,
            String officer, Instant givenBackAt) {
    }

    /** Cash noted to go back and not handed over yet, whatever the day. */
    record Owed(String paymentId, String dossierCode, long amount, PaymentMethod paidBy, String reason, Instant notedAt) {
    }

    /** @param givenBack đồng the officer handed back that day */
    record ByOfficer(String officer, int payments, long amount, long givenBack) {
    }

    /**
     * @param received đồng taken at the counter that day
     * @param givenBack đồng handed back in cash that day
     * @param stillOwed đồng noted to go back in cash and not handed over, as of the reading
     */
    record Day(String agencyCode, LocalDate day, long received, long givenBack, long stillOwed, List<ByOfficer> byOfficer,
            List<Taken> payments, List<GivenBack> refunds, List<Owed> owed) {
    }

    /**
     * The movements of cash at the counter over whole days, as the accountant takes a month into the accounts.
     *
     * @param received đồng taken at the counter in the period; {@code givenBack} handed back in it
     */
    record Period(String agencyCode, LocalDate first, LocalDate last, long received, long givenBack, List<Taken> payments,
            List<GivenBack> refunds) {
    }

    Day of(String agencyCode, LocalDate day) {
        Period period = between(agencyCode, day, day);
        List<Owed> owed = cashBack(agencyCode, paidOut -> where(paidOut).is(null)).filter(back -> back.cash().owed())
                .map(back -> new Owed(back.order().id(), back.order().dossierCode(), back.cash().amount(), back.cash().paidBy(),
                        back.cash().reason(), back.cash().notedAt()))
                .sorted(Comparator.comparing(Owed::notedAt).thenComparing(Owed::paymentId)).toList();
        return new Day(agencyCode, day, period.received(), period.givenBack(), owed.stream().mapToLong(Owed::amount).sum(),
                byOfficer(period.payments(), period.refunds()), period.payments(), period.refunds(), owed);
    }

    /** From the first day to the last, both whole (Việt Nam's days). */
    Period between(String agencyCode, LocalDate first, LocalDate last) {
        Instant from = first.atStartOfDay(CivilTime.VIETNAM).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(CivilTime.VIETNAM).toInstant();
        List<Taken> taken = mongo.find(new Query(where("agencyCode").is(agencyCode).and("completedAt").gte(from).lt(to)
                        .and("method").is(PaymentMethod.CASH_AT_COUNTER)).with(Sort.by("completedAt", "_id")), PaymentOrder.class).stream()
                .map(order -> new Taken(order.id(), order.dossierCode(), order.stage(), order.amount(), order.paidReference(),
                        order.completedAt(), order.receiptNumber()))
                .toList();
        List<GivenBack> givenBack = cashBack(agencyCode, paidOut -> where(paidOut + ".at").gte(from).lt(to))
                .filter(back -> !back.cash().owed() && !back.cash().paidOut().at().isBefore(from) && back.cash().paidOut().at().isBefore(to))
                .map(back -> new GivenBack(back.order().id(), back.order().dossierCode(), back.cash().amount(), back.cash().paidBy(),
                        back.cash().reason(), back.cash().notedAt(), back.cash().paidOut().officer(), back.cash().paidOut().at()))
                .sorted(Comparator.comparing(GivenBack::givenBackAt).thenComparing(GivenBack::paymentId)).toList();
        return new Period(agencyCode, first, last, taken.stream().mapToLong(Taken::amount).sum(),
                givenBack.stream().mapToLong(GivenBack::amount).sum(), taken, givenBack);
    }

    private static List<ByOfficer> byOfficer(List<Taken> taken, List<GivenBack> givenBack) {
        Map<String, List<Taken>> took = taken.stream().collect(Collectors.groupingBy(Taken::officer));
        Map<String, Long> handedBack = givenBack.stream().collect(Collectors.groupingBy(GivenBack::officer,
                Collectors.summingLong(GivenBack::amount)));
        return Stream.concat(took.keySet().stream(), handedBack.keySet().stream()).collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(officer -> {
                    List<Taken> own = took.getOrDefault(officer, List.of());
                    return new ByOfficer(officer, own.size(), own.stream().mapToLong(Taken::amount).sum(), handedBack.getOrDefault(officer, 0L));
                })
                .toList();
    }

    /** Cash going back on one of the agency's orders. */
    private record OrdersCash(PaymentOrder order, CashBack cash) {
    }

    /**
     * The agency's cash going back whose hand-over matches {@code paidOut} (a criterion on the field it is given: a refund's or
     * a second collection's {@code paidOut}).
     */
    private Stream<OrdersCash> cashBack(String agencyCode, Function<String, Criteria> paidOut) {
        Criteria ofTheAgency = cashGoingBack(side -> new Criteria().andOperator(where("agencyCode").is(agencyCode),
                paidOut.apply(side.paidOut)));
        return mongo.find(new Query(ofTheAgency), PaymentOrder.class).stream()
                .flatMap(order -> order.cashBack().stream().map(cash -> new OrdersCash(order, cash)));
    }

    /** The two places an order keeps cash going back at the counter, with the fields of each. */
    enum CashSide {
        REFUND("refund.paidOut", "refund.refundedAt"), COLLECTED_TWICE("collectedTwice.paidOut", "collectedTwice.givenBackAt");

        /** when and by whom it was handed over */
        final String paidOut;
        /** when it was noted to go back */
        final String notedAt;

        CashSide(String paidOut, String notedAt) {
            this.paidOut = paidOut;
            this.notedAt = notedAt;
        }
    }

    /**
     * Orders sending cash back at the counter (a refund in cash, the postman's cash for fees paid before), each side narrowed
     * by {@code narrowed} on its own fields. Each side of the "or" is one of the indexed reads: refunded orders by status,
     * collections made twice by how they go back. The cash book and the reminders (ADR 0074) read through it.
     */
    static Criteria cashGoingBack(Function<CashSide, Criteria> narrowed) {
        Criteria refundsInCash = new Criteria().andOperator(where("status").is(PaymentStatus.REFUNDED).and("refund.cash").is(true),
                narrowed.apply(CashSide.REFUND));
        Criteria collectedTwiceInCash = new Criteria().andOperator(where("collectedTwice.givenBackAs").is(PaymentMethod.CASH_ON_DELIVERY)
                .and("collectedTwice.givenBackAt").ne(null), narrowed.apply(CashSide.COLLECTED_TWICE));
        return new Criteria().orOperator(refundsInCash, collectedTwiceInCash);
    }
}
