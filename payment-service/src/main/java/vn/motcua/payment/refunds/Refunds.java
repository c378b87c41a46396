package vn.motcua.payment.refunds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.CollectedTwice;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * Gives money back, once: the refund is recorded on the order before the provider is asked, under
 * a request id derived from the order, so a retry after a crash or a lost answer repeats the same
 * request (the provider answers 94, "already asked") instead of refunding twice. Money paid in cash,
 * to the postman or at the counter, is noted for the agency to pay back in cash.
 */
@Component
public class Refunds {
    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final Orders orders;
    private final PaymentProvider provider;
    private final Clock clock;

    Refunds(Orders orders, PaymentProvider provider, Clock clock) {
        this.orders = orders;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * @return the order after the refund; unchanged when it was not paid, or refunded before
     * @throws ApiProblem 409 when the provider refuses the refund as asked
     */
    public PaymentOrder refund(String orderId, long amount, String reason, String by) {
        return refund(orderId, amount, reason, by, null);
    }

    /**
     * Starts the refund, or carries on with one started before and left unfinished (the provider
     * unreachable, the process gone before its answer): it is asked again under the same request id.
     *
     * @param claimId the Idempotency-Key claim of the leader's request, kept with the refund (null: none)
     */
    public PaymentOrder refund(String orderId, long amount, String reason, String by, String claimId) {
        Instant now = clock.instant();
        PaymentOrder order = orders.change(orderId, o -> o.startRefund(amount, reason, requestIdFor("RF", o.id()), claimId, now));
        if (order.refund() == null || order.refund().done()) {
            return order;
        }
        if (order.standsPaidInCash()) {
            return orders.change(orderId, o -> o.refundedInCash(now));
        }
        Attempt paid = order.paidAttempt().orElseThrow(() -> new IllegalStateException("Order " + orderId + " paid online without a paid attempt"));
        PaymentProvider.RefundAnswer answer = askToRefund(paid, order.refund().requestId(), order.refund().amount(), now, by);
        if (!answer.accepted()) {
            orders.change(orderId, PaymentOrder::refundRefused);
            throw ApiProblem.conflict("refund-refused", "The payment provider refused the refund: " + answer.code() + " " + answer.message())
                    .with("providerCode", answer.code());
        }
        log.info("Order {} refunded {} đồng ({})", orderId, order.refund().amount(), reason);
        return orders.change(orderId, o -> o.refunded(answer.reference(), now));
    }

    /**
     * An attempt paid after its order had been paid or cancelled: all of it goes back, under a request id
     * of its own, and the refund is recorded on the attempt and told to the citizen. A failure is thrown, so the notification is
     * answered 99 and the provider's next call tries again.
     */
    public void refundSurplus(PaymentOrder order, String reference) {
        Attempt surplus = order.attempt(reference).orElseThrow();
        PaymentProvider.RefundAnswer answer = askToRefund(surplus, requestIdFor("RS", reference), surplus.amount(), clock.instant(),
                "motcua");
        if (!answer.accepted()) {
            throw new IllegalStateException("The provider refused the surplus refund of " + reference + ": " + answer.code());
        }
        log.info("Surplus attempt {} of order {} refunded ({})", reference, order.id(), answer.reference());
        Instant now = clock.instant();
        orders.change(order.id(), o -> o.surplusRefunded(reference, answer.reference(), now));
    }

    /**
     * Fees the postman collected for an order paid online or at the counter go back to the citizen (ADR 0067), once however
     * often the collection is reported: the online payment through the provider, under a request id of its own (the postman's
     * cash then pays the order), or, when there is none to refund or the provider refuses, the postman's cash noted to go back
     * at the counter.
     *
     * @param collected all the postman took; {@code fees} the part of it beyond the postage
     * @throws PaymentProvider.Unavailable when the provider could not be asked: the give-back stays recorded, unfinished, and
     *     {@link UnfinishedGiveBacks} asks again later under the same request id
     */
    public PaymentOrder giveBackCollectedTwice(String orderId, long collected, long fees, String receipt, String shipmentId,
            Instant collectedAt) {
        PaymentOrder order = orders.change(orderId, o -> o.collectedTwice(collected, fees, receipt, shipmentId, collectedAt,
                requestIdFor("RC", o.id())));
        return carryOnGiveBack(order);
    }

    /** Gives back what the postman collected twice for this order, if that is recorded and not done yet. */
    PaymentOrder carryOnGiveBack(PaymentOrder order) {
        CollectedTwice twice = order.collectedTwice();
        if (twice == null || twice.done()) {
            return order;
        }
        Instant now = clock.instant();
        if (twice.throughProvider()) {
            Attempt paid = order.paidAttempt().orElseThrow();
            PaymentProvider.RefundAnswer answer = askToRefund(paid, twice.requestId(), twice.amount(), now, "motcua");
            if (answer.accepted()) {
                log.info("Order {} paid twice: the online payment refunded {} đồng ({})", order.id(), twice.amount(), answer.reference());
                return orders.change(order.id(), o -> o.collectedTwiceGivenBack(answer.reference(), now));
            }
            log.warn("The provider refused to refund order {} paid twice ({} {}): the postman's cash goes back at the counter", order.id(),
                    answer.code(), answer.message());
            orders.change(order.id(), PaymentOrder::collectedTwiceGivenBackInCash);
        }
        return orders.change(order.id(), o -> o.collectedTwiceGivenBack("TIEN-MAT-" + twice.receipt(), now));
    }

    /** Asks the provider to give back this much of a paid attempt, all of it or part, under the request id given. */
    private PaymentProvider.RefundAnswer askToRefund(Attempt paid, String requestId, long amount, Instant now, String by) {
        return provider.refund(new PaymentProvider.RefundRequest(requestId, paid.reference(), amount, amount == paid.amount(),
                paid.transactionNo(), paid.paidAt(), now, by));
    }

    /** The provider's request ids are alphanumeric, at most 32 characters, and never reused. */
    static String requestIdFor(String prefix, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest).substring(0, 30);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
