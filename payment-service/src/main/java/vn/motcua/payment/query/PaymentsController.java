package vn.motcua.payment.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.PaymentStatus;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentsController {
    private final PaymentOrderRepository orders;
    private final Orders access;

    PaymentsController(PaymentOrderRepository orders, Orders access) {
        this.orders = orders;
        this.access = access;
    }

    /** Another citizen's dossier, or another agency's, yields an empty list: nothing says the dossier exists. */
    @Operation(summary = "The payment orders of one dossier: for its owner, and for the staff of its agency")
    @GetMapping
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'specialist', 'leader')")
    List<PaymentView> forDossier(@RequestParam("dossier") @NotBlank @Size(max = 64) String dossierCode, Caller caller) {
        return orders.findByDossierCodeOrderByRequestedAt(dossierCode).stream().filter(o -> Orders.mayRead(o, caller))
                .map(PaymentView::of).toList();
    }

    @Operation(summary = "What the calling citizen owes (status=REQUESTED,EXPIRED: an expired fee is still owed, ADR 0073) and"
            + " paid (COMPLETED), newest first; status takes one or more, comma-separated")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('citizen')")
    List<PaymentView> mine(@RequestParam(required = false) Set<PaymentStatus> status, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        if (caller.citizenId() == null) {
            return List.of();
        }
        // The status is asked of the database: filtered after paging, an order still owed behind a page
        // of paid ones was not listed as owed.
        PageRequest paging = PageRequest.of(page, size);
        return (status == null || status.isEmpty() ? orders.findByOwnerCitizenIdOrderByRequestedAtDesc(caller.citizenId(), paging)
                : orders.findByOwnerCitizenIdAndStatusInOrderByRequestedAtDesc(caller.citizenId(), status, paging)).stream()
                .map(PaymentView::of).toList();
    }

    @Operation(summary = "The payment orders of the caller's agency, newest first, optionally of one or more statuses"
            + " (comma-separated)")
    @GetMapping("/agency")
    @PreAuthorize("hasAnyRole('officer', 'specialist', 'leader')")
    List<PaymentView> agency(@RequestParam(required = false) Set<PaymentStatus> status, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        if (caller.agency() == null) {
            throw ApiProblem.forbidden("The token names no agency");
        }
        PageRequest paging = PageRequest.of(page, size);
        return (status == null || status.isEmpty() ? orders.findByAgencyCodeOrderByRequestedAtDesc(caller.agency(), paging)
                : orders.findByAgencyCodeAndStatusInOrderByRequestedAtDesc(caller.agency(), status, paging)).stream().map(PaymentView::of)
                .toList();
    }

    @Operation(summary = "One payment order (its owner, the staff of its agency, ops); anyone else gets 404")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'specialist', 'leader', 'ops')")
    PaymentView one(@PathVariable @Size(max = 128) String id, Caller caller) {
        return PaymentView.of(access.readableBy(id, caller));
    }
}
