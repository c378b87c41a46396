package vn.motcua.payment.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.kit.web.Csv;
import vn.motcua.payment.ordering.CollectedTwice;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.provider.PaymentProvider;

/** Ops' view of the reconciliation: a day's mismatches as JSON or CSV, and a run on demand. */
@RestController
@RequestMapping("/api/v1/payments/reconciliation")
@PreAuthorize("hasRole('ops')")
class ReconciliationController {
    private static final String CSV = "text/csv";
    private static final String[] CSV_HEADER = {"day", "source", "kind", "reference", "paymentId", "platformAmount", "sourceAmount",
        "givenBackAs", "givenBackReference"};

    private final Mismatches mismatches;
    private final PaymentOrderRepository orders;
    private final DailyReconciliation reconciliation;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    ReconciliationController(Mismatches mismatches, PaymentOrderRepository orders, DailyReconciliation reconciliation,
            IdempotencyKeys idempotency, Clock clock) {
        this.mismatches = mismatches;
        this.orders = orders;
        this.reconciliation = reconciliation;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** @param givenBack for fees the postman collected twice (PAID_TWICE): how they went back, once they did (ADR 0067) */
    record MismatchView(String id, LocalDate day, String source, String kind, String reference, String paymentId, long platformAmount,
            long sourceAmount, Instant foundAt, GivenBack givenBack) {
    }

    /** @param reference the provider's refund transaction, or the note for cash given back at the counter */
    record GivenBack(PaymentMethod as, long amount, String reference, Instant at) {
    }

    @Operation(summary = "The mismatches found for a day (ops); fees collected twice say how they went back to the citizen")
    @GetMapping(value = "/mismatches", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MismatchView> mismatches(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return viewsOf(day);
    }

    @Operation(summary = "The mismatches found for a day as CSV (ops): the codes of the JSON list, one mismatch a row, written"
            + " as every export of the platform is (UTF-8 with BOM, every field quoted, no cell a spreadsheet would run)")
    @ApiResponse(responseCode = "200", description = "The day's mismatches, one a row",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(value = "/mismatches", produces = CSV)
    ResponseEntity<byte[]> mismatchesCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        // References come from the provider's and the operator's statements: quoted, so none breaks a row or runs as a formula.
        List<String[]> rows = viewsOf(day).stream().map(m -> new String[] {m.day().toString(), m.source(), m.kind(), m.reference(),
            m.paymentId(), Long.toString(m.platformAmount()), Long.toString(m.sourceAmount()),
            m.givenBack() == null ? null : m.givenBack().as().name(), m.givenBack() == null ? null : m.givenBack().reference()}).toList();
        return Csv.attachment("reconciliation-" + day + ".csv", Csv.of(CSV_HEADER, rows));
    }

    private List<MismatchView> viewsOf(LocalDate day) {
        List<Mismatch> found = mismatches.of(day);
        // The orders paid twice, read together: a day's list names each once.
        Map<String, GivenBack> givenBack = new HashMap<>();
        orders.findAllById(found.stream().filter(m -> Mismatches.PAID_TWICE.equals(m.kind()) && m.paymentId() != null)
                .map(Mismatch::paymentId).collect(Collectors.toSet())).forEach(order -> {
                    CollectedTwice twice = order.collectedTwice();
                    if (twice != null && twice.done()) {
                        givenBack.put(order.id(), new GivenBack(twice.givenBackAs(), twice.amount(), twice.reference(), twice.givenBackAt()));
                    }
                });
        return found.stream().map(m -> new MismatchView(m.id(), m.day(), m.source(), m.kind(), m.reference(), m.paymentId(),
                m.platformAmount(), m.sourceAmount(), m.foundAt(), Mismatches.PAID_TWICE.equals(m.kind()) ? givenBack.get(m.paymentId()) : null))
                .toList();
    }

    record RunRequest(LocalDate day) {
    }

    @Operation(summary = "Reconcile a day now against the provider's statement (ops; Idempotency-Key); a day already reconciled"
            + " finds the same mismatches again and raises none twice")
    @ApiResponse(responseCode = "201", description = "Reconciled (and again, to the same request under its key)",
            useReturnTypeSchema = true)
    @PostMapping("/runs")
    ResponseEntity<DailyReconciliation.Result> run(@RequestBody RunRequest request,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key, Caller caller) {
        if (request.day() == null) {
            throw ApiProblem.badRequest("day-missing", "Name the day to reconcile (day, yyyy-MM-dd)");
        }
        if (request.day().isAfter(LocalDate.now(clock.withZone(CivilTime.VIETNAM)))) {
            throw ApiProblem.unprocessable("day-in-future", "A day can be reconciled once it has begun");
        }
        return idempotency.once(caller.subject() + "|reconcile", key, request, DailyReconciliation.Result.class, () -> {
            try {
                // The run's outcome is read again as the day's mismatches.
                return ResponseEntity.created(URI.create("/api/v1/payments/reconciliation/mismatches?day=" + request.day()))
                        .body(reconciliation.run(request.day()));
            } catch (PaymentProvider.Unavailable unreachable) {
                throw unreachable.problem("The provider's statement of " + request.day() + " could not be fetched: "
                        + unreachable.getMessage());
            }
        });
    }
}
