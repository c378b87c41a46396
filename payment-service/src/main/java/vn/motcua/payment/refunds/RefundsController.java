package vn.motcua.payment.refunds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.provider.PaymentProvider;

/** The agency's leader (or ops) gives a payment back by decision, e.g. a fee charged by mistake. */
@RestController
@RequestMapping("/api/v1/payments")
class RefundsController {
    private final PaymentOrderRepository orders;
    private final Refunds refunds;
    private final IdempotencyKeys idempotency;

    RefundsController(PaymentOrderRepository orders, Refunds refunds, IdempotencyKeys idempotency) {
        this.orders = orders;
        this.refunds = refunds;
        this.idempotency = idempotency;
    }

    /** @param amount in đồng; omitted: all that was paid */
    record RefundRequest(String reason, Long amount) {
    }

    /** @param reference the provider's refund transaction, or the note for cash */
    record RefundView(String paymentId, String status, long amount, String reason, String reference) {
    }

    @Operation(summary = "Refund a paid order (leader of its agency, or ops; Idempotency-Key): through the provider's refund API, or"
            + " noted for cash paid to the postman. Once only: a refund left unfinished (provider unreachable: 503) is carried on by"
            + " the next request for its amount")
    @ApiResponse(responseCode = "201", description = "Refunded, or under way at the provider (the status says which)",
            useReturnTypeSchema = true)
    @PostMapping("/{id}/refunds")
    @PreAuthorize("hasAnyRole('leader', 'ops')")
    @ReachedFirst(Orders.class)
    ResponseEntity<RefundView> refund(@PathVariable String id, @RequestBody RefundRequest request,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key, Caller caller) {
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            throw ApiProblem.badRequest("refund-reason-missing", "Say why the money goes back (reason, 1–500 characters)");
        }
        return idempotency.once(caller.subject() + "|refund|" + id, key, request, RefundView.class, claim -> {
            PaymentOrder order = orders.findById(id).orElseThrow(() -> ApiProblem.notFound("Payment order", id));
            if (!caller.has(Role.OPS) && !caller.worksFor(order.agencyCode())) {
                throw ApiProblem.notFound("Payment order", id);
            }
            long amount = amountToRefund(order, request, claim);
            PaymentOrder refunded;
            try {
                refunded = refunds.refund(id, amount, request.reason().strip(), caller.username() == null ? "leader" : caller.username(),
                        claim.id());
            } catch (PaymentProvider.Unavailable unreachable) {
                throw unreachable.problem("The refund of " + amount + " đồng is recorded but the payment provider could not be"
                        + " reached; send the request again and it carries on with this refund");
            }
            PaymentOrder.Refund refund = refunded.refund();
            // The refund is read again on its order.
            return ResponseEntity.created(URI.create("/api/v1/payments/" + id)).body(new RefundView(id, refunded.status().name(), refund.amount(),
                    refund.reason(), refund.reference()));
        });
    }

    /**
     * What this request refunds. A refund started before and left unfinished (the provider
     * unreachable, the process gone before its answer) is carried on rather than refused, and one
     * this same request started (a retry under its key) is answered as it stands: the money goes
     * back once, and whoever asked learns that it did.
     */
    private static long amountToRefund(PaymentOrder order, RefundRequest request, IdempotencyKeys.Claim claim) {
        long asked = request.amount() == null ? order.amount() : request.amount();
        PaymentOrder.Refund started = order.refund();
        boolean thisRequests = started != null && claim.id().equals(started.createdUnder());
        if (started != null && (thisRequests || !started.done())) {
            if (!thisRequests && started.amount() != asked) {
                throw ApiProblem.conflict("refund-in-progress", "A refund of " + started.amount() + " đồng was started and is not finished;"
                        + " send this amount to carry it on").with("amount", started.amount());
            }
            return started.amount();
        }
        if (order.status() != PaymentStatus.COMPLETED || started != null) {
            throw ApiProblem.conflict("order-not-refundable", "Only a paid order not refunded before can be refunded")
                    .with("currentStatus", order.status().name());
        }
        if (asked <= 0 || asked > order.amount()) {
            throw ApiProblem.unprocessable("refund-amount-invalid", "A refund is more than 0 and at most the " + order.amount()
                    + " đồng paid").with("paid", order.amount());
        }
        return asked;
    }
}
