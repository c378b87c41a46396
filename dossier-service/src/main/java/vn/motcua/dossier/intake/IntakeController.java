package vn.motcua.dossier.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.views.DossierView;
import vn.motcua.events.dossier.Channel;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/dossiers")
class IntakeController {
    private final IntakeService intake;
    private final IdempotencyKeys idempotency;

    IntakeController(IntakeService intake, IdempotencyKeys idempotency) {
        this.intake = intake;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Submit a dossier online (citizen for themself, or a provincial portal on behalf of a citizen)")
    @ApiResponse(responseCode = "201", description = "Submitted; Location names the dossier (and again, to the same request under its key)",
            useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk')")
    ResponseEntity<DossierView> submit(
            @Parameter(description = "Unique per intended submission; a retry with the same key and body returns the first result")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody SubmitDossierRequest request, Caller caller) {
        return idempotency.once(caller.subject() + "|submit-dossier", idempotencyKey, request, DossierView.class, claim -> {
            DossierView view = DossierView.of(intake.createdUnder(claim).orElseGet(() -> intake.submitOnline(request, caller, claim.id())));
            return ResponseEntity.created(URI.create("/api/v1/dossiers/" + view.code())).body(view);
        });
    }

    /** How a paper dossier reached the counter officer. */
    enum PaperChannel {
        IN_PERSON(Channel.IN_PERSON), BY_POST(Channel.POSTAL);

        final Channel channel;

        PaperChannel(Channel channel) {
            this.channel = channel;
        }
    }

    @Operation(summary = "Register a paper dossier handed in at the counter or arrived by post (counter officer of the agency)")
    @ApiResponse(responseCode = "201", description = "Received; Location names the dossier (and again, to the same request under its key)",
            useReturnTypeSchema = true)
    @PostMapping("/paper")
    @PreAuthorize("hasRole('officer')")
    ResponseEntity<DossierView> registerPaper(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Parameter(description = "IN_PERSON (national channel 1) or BY_POST (channel 3, BCCI)")
            @RequestParam PaperChannel channel,
            @Parameter(description = "BY_POST only: the S10 item id of a dossier the post collected from the citizen and"
                    + " delivered here; it is linked to the dossier, once")
            @RequestParam(required = false) String trackingNumber,
            @Valid @RequestBody SubmitDossierRequest request, Caller caller) {
        String scope = caller.subject() + "|register-paper-" + channel + (trackingNumber == null ? "" : "-" + trackingNumber);
        return idempotency.once(scope, idempotencyKey, request, DossierView.class, claim -> {
            DossierView view = DossierView.of(intake.createdUnder(claim)
                    .orElseGet(() -> intake.registerPaper(request, channel.channel, trackingNumber, caller, claim.id())));
            return ResponseEntity.created(URI.create("/api/v1/dossiers/" + view.code())).body(view);
        });
    }
}
