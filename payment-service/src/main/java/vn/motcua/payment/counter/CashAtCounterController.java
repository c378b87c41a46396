package vn.motcua.payment.counter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiPredicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.events.Event;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.web.Csv;
import vn.motcua.kit.web.Periods;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.query.PaymentView;

/**
 * The officer at the one-stop counter records fees the applicant paid there in cash: the order completes as one paid
 * online does, with its e-receipt, so the dossier goes on and the postman does not collect it again. At closing the
 * day's cash book says what the drawer should hold. Cash going back is counted out when the officer hands it over (ADR 0070).
 */
@RestController
@RequestMapping("/api/v1/payments")
class CashAtCounterController {
    private final Orders orders;
    private final CashBook book;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    CashAtCounterController(Orders orders, CashBook book, IdempotencyKeys idempotency, Clock clock) {
        this.orders = orders;
        this.book = book;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** @param amount in đồng, as counted at the counter: the order's whole amount, or all the cash it owes */
    record CashPayment(@NotNull @Positive Long amount) {
    }

    @Operation(summary = "Record an order paid in cash at the one-stop counter (an officer of its agency; Idempotency-Key):"
            + " it completes (PaymentCompleted, method CASH_AT_COUNTER) and its e-receipt is issued. Due or past its pay-by"
            + " time (expired) alike; the amount is the order's whole amount (422 amount-differs); an order not due yet, paid"
            + ", refunded or cancelled with its dossier (ADR 0072) is 409 order-not-payable")
    @ApiResponse(responseCode = "200", description = "Paid; the receipt number follows within a moment", useReturnTypeSchema = true)
    @PostMapping("/{id}/cash-at-counter")
    @PreAuthorize("hasRole('officer')")
    @ReachedFirst(Orders.class)
    ResponseEntity<PaymentView> paidAtCounter(@PathVariable String id, @Valid @RequestBody CashPayment body,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key, Caller caller) {
        return atTheCounter("cash-at-counter", id, body, key, caller, (order, officer) -> order.status() == PaymentStatus.COMPLETED
                && order.method() == PaymentMethod.CASH_AT_COUNTER && officer.equals(order.paidReference()), PaymentOrder::paidAtCounter);
    }

    @Operation(summary = "Record the cash the counter owed on an order handed to the citizen (an officer of its agency;"
            + " Idempotency-Key): a refund noted to go back in cash, or fees the postman collected twice, or both, counted out of"
            + " the drawer now and listed in the day's cash book under the officer. The amount is all the order owes (422"
            + " amount-differs); an order that owes no cash, or was paid out before, is 409 no-cash-owed")
    @ApiResponse(responseCode = "200", description = "Paid out; the order's cashOwedAtCounter is 0", useReturnTypeSchema = true)
    @PostMapping("/{id}/cash-paid-out")
    @PreAuthorize("hasRole('officer')")
    @ReachedFirst(Orders.class)
    ResponseEntity<PaymentView> cashPaidOut(@PathVariable String id, @Valid @RequestBody CashPayment body,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key, Caller caller) {
        return atTheCounter("cash-paid-out", id, body, key, caller, (order, officer) -> order.cashOwed() == 0
                && order.lastCashPaidOut().filter(paidOut -> officer.equals(paidOut.officer())).isPresent(), PaymentOrder::cashPaidOut);
    }

    /** What an officer changes on the order with the cash counted at the desk. */
    @FunctionalInterface
    private interface CashCounted {
        List<Event> apply(PaymentOrder order, long amount, String officer, Instant now);
    }

    /**
     * One movement of cash at the counter, once per Idempotency-Key, on an order of the officer's own agency.
     *
     * @param doneBy whether the order already shows this officer's movement: this request's earlier attempt stored it and
     *     died before answering, and it is answered as it stands
     */
    private ResponseEntity<PaymentView> atTheCounter(String step, String id, CashPayment body, String key, Caller caller,
            BiPredicate<PaymentOrder, String> doneBy, CashCounted change) {
        return idempotency.once(caller.subject() + "|" + step + "|" + id, key, body, PaymentView.class, claim -> {
            PaymentOrder order = ownAgencys(id, caller);
            String officer = officer(caller);
            if (claim.takenOver() && doneBy.test(order, officer)) {
                return ResponseEntity.ok(PaymentView.of(order));
            }
            return ResponseEntity.ok(PaymentView.of(orders.change(id, o -> change.apply(o, body.amount(), officer, clock.instant()))));
        });
    }

    /** An order of the officer's own agency; another agency's is not found, as if it did not exist. */
    private PaymentOrder ownAgencys(String id, Caller caller) {
        PaymentOrder order = orders.readableBy(id, caller);
        if (!caller.worksFor(order.agencyCode())) {
            throw ApiProblem.notFound("Payment order", id);
        }
        return order;
    }

    private static String officer(Caller caller) {
        return caller.username() == null ? caller.subject() : caller.username();
    }

    @Operation(summary = "The caller's agency's cash at its counter on one day (officers and leaders of the agency): each"
            + " payment taken, by whom, with its receipt; the cash each officer handed back to citizens that day (refunds of fees"
            + " paid at the counter or to the postman, the postman's cash for fees paid before); what each officer took and"
            + " handed back, to count the drawer against at closing; and, apart, the cash still owed to citizens (ADR 0070)")
    @GetMapping("/agency/cash-book")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    CashBook.Day cashBook(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Caller caller) {
        return book.of(agencyOf(caller), day);
    }

    @Operation(summary = "The same cash book as CSV (UTF-8 with BOM), for the agency's accounts: one row per payment taken or"
            + " money given back, in Việt Nam time, and a row of totals; of one day, or of a period of whole days (from, to: a"
            + " month for the accounts, at most 366 days), 400 period-invalid otherwise")
    @ApiResponse(responseCode = "200", description = "The cash book, one movement of cash a row",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/agency/cash-book.csv")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    ResponseEntity<byte[]> cashBookCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Caller caller) {
        String agency = agencyOf(caller);
        if (day != null ? from != null || to != null : from == null || to == null) {
            throw ApiProblem.badRequest("period-invalid", "Ask for one day (day) or a period (from and to), not both nor neither");
        }
        LocalDate first = day != null ? day : from;
        LocalDate last = day != null ? day : to;
        Periods.check(first, last);
        return Csv.attachment("so-quy-" + agency + "-" + first + (first.equals(last) ? "" : "-" + last) + ".csv",
                CashBookCsv.of(book.between(agency, first, last)));
    }

    private static String agencyOf(Caller caller) {
        if (caller.agency() == null) {
            throw ApiProblem.forbidden("The token names no agency");
        }
        return caller.agency();
    }
}
