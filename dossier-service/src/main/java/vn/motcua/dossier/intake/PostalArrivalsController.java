package vn.motcua.dossier.intake;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.access.OwnAgencyReach;
import vn.motcua.dossier.intake.internal.PostalArrivals;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/**
 * The one-stop desk's envelopes: paper dossiers the post collected and delivered, waiting to be registered, and the papers
 * of those turned away, held at the counter until someone comes for them.
 */
@RestController
class PostalArrivalsController {
    private final PostalArrivals arrivals;
    private final OwnAgencyReach reach;

    PostalArrivalsController(PostalArrivals arrivals, OwnAgencyReach reach) {
        this.arrivals = arrivals;
        this.reach = reach;
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
        reach.check(code, caller);
        return arrivals.awaitingRegistration(code, page, size);
    }

    @Operation(summary = "Where a paper dossier the post collected is now, for the citizen who sent it (or staff of the agency"
            + " holding it): waiting at the agency's desk, registered as a dossier (then followed by its code), turned away"
            + " with the reason and the papers at the counter, or handed back and to whom. Anyone else gets 404, as for an"
            + " item that has not arrived (ADR 0092)")
    @GetMapping("/api/v1/postal-arrivals/{itemId}")
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'specialist', 'leader')")
    PostalArrivals.Tracked tracked(@PathVariable String itemId, Caller caller) {
        return arrivals.tracked(itemId, caller);
    }

    /** @param reason why it cannot be registered, in words its citizen reads */
    record TurnAwayRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "A one-stop officer says a paper dossier the post delivered to their own agency cannot be registered,"
            + " and why (an applicant who is not the sender, a procedure the agency does not handle, papers that are not a"
            + " dossier): it leaves the desk's list and the morning digest, can no longer be registered (409"
            + " postal-item-turned-away), and its citizen is told the reason and that the papers wait at the one-stop counter."
            + " Asked again, the envelope as it was turned away; a registered one is 409 postal-item-registered (ADR 0088)")
    @PostMapping("/api/v1/agencies/{code}/postal-arrivals/{itemId}/turning-away")
    @PreAuthorize("hasRole('officer')")
    @ReachedFirst(value = OwnAgencyReach.class, pathVariable = "code")
    PostalArrivals.Arrival turnAway(@PathVariable String code, @PathVariable String itemId, @Valid @RequestBody TurnAwayRequest request,
            Caller caller) {
        return arrivals.turnAway(itemId, code, request.reason().strip(), caller);
    }

    @Operation(summary = "The envelopes the desk of the caller's own agency turned away whose papers the one-stop counter still"
            + " holds, the longest held first, a page at a time with the total: each leaves the list when an officer hands"
            + " its papers to the person who comes for them (ADR 0091)")
    @GetMapping("/api/v1/agencies/{code}/postal-arrivals/papers-held")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    PostalArrivals.Page papersHeld(@PathVariable String code, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        reach.check(code, caller);
        return arrivals.papersHeld(code, page, size);
    }

    /**
     * @param collectedBy the name of the person who came for the papers, as on their identity paper
     * @param idNumber the 12-digit number of that identity paper, which the officer checked
     */
    record HandBackRequest(@NotBlank @Size(max = 200) String collectedBy,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "must be the 12-digit citizen id number") String idNumber) {
    }

    @Operation(summary = "A one-stop officer hands the papers of an envelope their own agency turned away to the person who"
            + " came for them, after checking their identity paper: the envelope leaves the counter's list of papers held,"
            + " and the citizen who sent it is told who took them. Asked again, the envelope as it was handed back; one"
            + " waiting to be registered is 409 postal-item-not-turned-away, a registered one 409 postal-item-registered"
            + " (ADR 0091)")
    @PostMapping("/api/v1/agencies/{code}/postal-arrivals/{itemId}/hand-back")
    @PreAuthorize("hasRole('officer')")
    @ReachedFirst(value = OwnAgencyReach.class, pathVariable = "code")
    PostalArrivals.Arrival handBack(@PathVariable String code, @PathVariable String itemId, @Valid @RequestBody HandBackRequest request,
            Caller caller) {
        return arrivals.handBack(itemId, code, request.collectedBy().strip(), request.idNumber(), caller);
    }
}
