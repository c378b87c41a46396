package vn.motcua.payment.online;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.AttemptReferences;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.provider.PaymentProvider;

/** The citizen starts paying an order online: a new attempt and the provider's signed payment URL. */
@RestController
@RequestMapping("/api/v1/payments")
class CheckoutController {
    private final Orders orders;
    private final AttemptReferences references;
    private final PaymentProvider provider;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final Duration attemptTtl;
    private final int openAttemptsMax;

    CheckoutController(Orders orders, AttemptReferences references, PaymentProvider provider, IdempotencyKeys idempotency,
            Clock clock, @Value("${motcua.payment.attempt-ttl:PT15M}") Duration attemptTtl,
            @Value("${motcua.payment.open-attempts-max:3}") int openAttemptsMax) {
        this.orders = orders;
        this.references = references;
        this.provider = provider;
        this.idempotency = idempotency;
        this.clock = clock;
        this.attemptTtl = attemptTtl;
        this.openAttemptsMax = openAttemptsMax;
    }

    /** @param paymentUrl where to send the citizen's browser; valid until {@code expiresAt} */
    record CheckoutView(String paymentId, String reference, long amount, String currency, URI paymentUrl, Instant expiresAt) {
    }

    @Operation(summary = "Start paying one of the caller's orders online (Idempotency-Key): answers the provider's signed payment"
            + " URL. The order completes only when the provider confirms (its IPN or query API), never on the return URL."
            + " An expired order is still paid (ADR 0073). 409 order-not-payable: not due, paid, refunded or cancelled with its"
            + " dossier (ADR 0072); too-many-open-attempts: as many payments begun and"
            + " not finished as an order may have open (Retry-After: when the oldest expires)")
    @ApiResponse(responseCode = "201", description = "An attempt begun: send the citizen's browser to paymentUrl",
            useReturnTypeSchema = true)
    @PostMapping("/{id}/checkout")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<CheckoutView> checkout(@PathVariable String id,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key, Caller caller, HttpServletRequest http) {
        return idempotency.once(caller.subject() + "|checkout|" + id, key, id, CheckoutView.class, () -> {
            PaymentOrder order = orders.readableBy(id, caller);
            if (!caller.isCitizen(order.ownerCitizenId())) {
                throw ApiProblem.notFound("Payment order", id);
            }
            Instant now = clock.instant();
            refuseUnlessPayable(order);
            // Checked before a reference is stored too: a loop past the limit must not write one per call.
            refuseWhileTooManyOpen(order, now);
            String reference = references.newFor(id, now);
            AtomicReference<Attempt> begun = new AtomicReference<>();
            PaymentOrder changed = orders.change(id, current -> {
                refuseUnlessPayable(current);
                refuseWhileTooManyOpen(current, now);
                begun.set(current.begin(reference, now, now.plus(attemptTtl)));
                return List.of();
            });
            Attempt attempt = begun.get();
            URI url = provider.paymentUrl(new PaymentProvider.PaymentRequest(reference, attempt.amount(),
                    "Thanh toan phi ho so " + changed.dossierCode(), now, attempt.expiresAt(), payerAddress(http)));
            // The attempt is read again on its order, with its outcome once the provider answers.
            return ResponseEntity.created(URI.create("/api/v1/payments/" + id)).body(new CheckoutView(id, reference, attempt.amount(),
                    PaymentOrder.CURRENCY, url, attempt.expiresAt()));
        });
    }

    private static void refuseUnlessPayable(PaymentOrder order) {
        order.whyNotPayable().ifPresent(why -> {
            throw ApiProblem.conflict("order-not-payable", why).with("currentStatus", order.status().name());
        });
    }

    /**
     * Every attempt is one more the provider may take money on, and one more to ask the provider
     * about before the order expires: a page reloaded or a script calling in a loop must not open
     * them without end. The oldest open one's expiry says when another may begin.
     */
    private void refuseWhileTooManyOpen(PaymentOrder order, Instant now) {
        List<Attempt> open = order.openAttempts(now);
        if (open.size() >= openAttemptsMax) {
            Instant frees = open.stream().map(Attempt::expiresAt).min(Comparator.naturalOrder()).orElse(now);
            long seconds = Math.max(1, Duration.between(now, frees).toSeconds());
            throw ApiProblem.conflict("too-many-open-attempts", "This order has " + open.size() + " payments begun at the provider"
                    + " and not finished; finish one of them, or begin another after " + frees)
                    .with("openAttempts", open.size()).with("nextAttemptAfter", frees.toString())
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }

    /** The citizen's address as the provider asks for it: the first hop the gateway forwarded for, else the caller. */
    private static String payerAddress(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        String address = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].trim() : http.getRemoteAddr();
        return address.length() > 45 ? address.substring(0, 45) : address;
    }
}
