package vn.motcua.payment.query;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.Cancellation;
import vn.motcua.payment.ordering.CollectedTwice;
import vn.motcua.payment.ordering.PaymentOrder;

/**
 * A payment order as its owner and its agency see it.
 *
 * @param collectableByPost the postman may collect it with the result's shipment (cash on delivery)
 * @param leftToCounterAt when a fee the postman was to collect was left to the counter: its result came back undelivered, or an
 *     officer handed it over; it is paid online or at the counter from then on, and may fall overdue (ADR 0078); null before
 * @param paidAfterExpiry the provider confirmed an attempt after the order's pay-by time (accepted, ADR 0018)
 * @param collectedTwice fees the postman collected although the order was paid online or at the counter, and how they go
 *     back (ADR 0067); null when he did not
 * @param cashOwedAtCounter đồng the agency's counter still has to hand the citizen in cash (a refund in cash, the postman's
 *     cash collected twice); 0 when none, or once handed over (ADR 0070)
 * @param dueSoonRemindedAt when the citizen was reminded that the fee was soon due (ADR 0076); null when they were not
 * @param cashOwedRemindedAt when the citizen was reminded to come for the cash the counter owes them (ADR 0074); null when
 *     they were not
 * @param cancellation why and when the order stopped being owed, its dossier closed before it was paid (ADR 0072); null
 *     unless CANCELLED
 */
public record PaymentView(String id, String dossierCode, String agencyCode, FeeStage stage, long amount, String currency, String status,
        Instant requestedAt, Instant payBy, List<PricedFeeLine> lines, boolean collectableByPost, PaymentMethod method,
        Instant completedAt, boolean paidAfterExpiry, String receiptNumber, RefundView refund, List<AttemptView> attempts,
        CollectedTwiceView collectedTwice, long cashOwedAtCounter, Instant dueSoonRemindedAt, Instant cashOwedRemindedAt,
        Cancellation cancellation, Instant leftToCounterAt) {

    /**
     * @param inCash it goes back in cash at the agency's counter
     * @param paidOutAt when the counter handed that cash over; null before
     */
    public record RefundView(long amount, String reason, String reference, Instant refundedAt, boolean inCash, Instant paidOutAt) {
    }

    public record AttemptView(String reference, long amount, Instant createdAt, Instant expiresAt, Attempt.State state, String providerCode,
            boolean surplus) {
    }

    /**
     * @param givenBackAs {@code ONLINE}: the online payment refunded through the provider, the postman's cash standing as the
     *     payment; {@code CASH_ON_DELIVERY}: the postman's cash given back at the agency's counter
     * @param reference the provider's refund transaction, or the note for cash; null until given back
     * @param paidOutAt when the counter handed the postman's cash back; null before, and when it went back online
     */
    public record CollectedTwiceView(long collected, long fees, String receipt, Instant collectedAt, PaymentMethod givenBackAs, long amount,
            String reference, Instant givenBackAt, Instant paidOutAt) {
    }

    public static PaymentView of(PaymentOrder order) {
        PaymentOrder.Refund refund = order.refund();
        CollectedTwice twice = order.collectedTwice();
        return new PaymentView(order.id(), order.dossierCode(), order.agencyCode(), order.stage(), order.amount(), PaymentOrder.CURRENCY,
                order.status().name(), order.requestedAt(), order.payBy(), order.lines(), order.collectableByPost(), order.method(),
                order.completedAt(), order.paidAfterExpiry(), order.receiptNumber(),
                refund == null ? null : new RefundView(refund.amount(), refund.reason(), refund.reference(), refund.refundedAt(),
                        refund.inCash(), refund.paidOut() == null ? null : refund.paidOut().at()),
                order.attempts().stream().map(a -> new AttemptView(a.reference(), a.amount(), a.createdAt(), a.expiresAt(), a.state(),
                        a.providerCode(), a.isSurplus())).toList(),
                twice == null ? null : new CollectedTwiceView(twice.collected(), twice.fees(), twice.receipt(), twice.collectedAt(),
                        twice.givenBackAs(), twice.amount(), twice.reference(), twice.givenBackAt(),
                        twice.paidOut() == null ? null : twice.paidOut().at()),
                order.cashOwed(), order.dueSoonRemindedAt(), order.cashOwedRemindedAt(), order.cancellation(),
                order.leftToCounterAt());
    }
}
