package vn.motcua.dossier.intake;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.intake.internal.PostalArrivals;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/** The one-stop desk's envelopes: paper dossiers the post collected and delivered, waiting to be registered. */
@RestController
class PostalArrivalsController {
    private final PostalArrivals arrivals;

    PostalArrivalsController(PostalArrivals arrivals) {
        this.arrivals = arrivals;
    }

    @Operation(summary = "Paper dossiers the post collected from citizens and delivered to the caller's own agency that no"
            + " officer has registered yet, the longest waiting first, a page at a time with the total: each is registered"
            + " with POST /api/v1/dossiers/paper?channel=BY_POST&trackingNumber={itemId} for the applicant named"
            + " (ownerCitizenId), and then leaves the list (ADR 0082)")
    @GetMapping("/api/v1/agencies/{code}/postal-arrivals")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    PostalArrivals.Page awaitingRegistration(@PathVariable String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        if (!caller.worksFor(code)) {
            throw ApiProblem.forbidden("Officers and leaders see the paper dossiers arrived at their own agency only");
        }
        return arrivals.awaitingRegistration(code, page, size);
    }
}
