package vn.motcua.dossier.processing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.tracking.DossierView;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.security.Caller;

/**
 * The processing steps, one endpoint each. Every answer carries the dossier's version as ETag;
 * sending it back in If-Match makes the step fail with 412 if someone acted in between.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{code}")
class ProcessingController {
    private static final String STAFF = "hasAnyRole('officer', 'specialist', 'leader')";

    private final Lifecycle lifecycle;

    ProcessingController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    record Reception(@Size(max = 30) List<@NotBlank @Size(max = 200) String> paperDocuments) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Note(@Size(max = 2000) String note) {
    }

    record Assignment(@NotBlank @Size(max = 100) String assignee) {
    }

    record SupplementRequest(@NotBlank @Size(max = 2000) String reason,
            @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 200) String> documents) {
    }

    record FinancialObligation(@Positive long amount, @NotBlank @Size(max = 2000) String reason) {
    }

    record DueDateExtension(@NotNull @Future LocalDate newDueDate, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Receive the dossier (officer): checks the required documents, sets the due date, issues form 01")
    @PostMapping("/reception")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> receive(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Reception body, Caller caller) {
        List<String> paper = body == null || body.paperDocuments() == null ? List.of() : body.paperDocuments();
        return view(lifecycle.receive(code, caller, IfMatch.version(ifMatch), paper));
    }

    @Operation(summary = "Refuse to receive the dossier with a reason (officer); issues form 03")
    @PostMapping("/refusal")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> refuse(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.refuse(code, caller, IfMatch.version(ifMatch), body.reason().strip()));
    }

    @Operation(summary = "Assign the dossier to a specialist (officer or leader); processing starts")
    @PostMapping("/assignment")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> assign(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Assignment body, Caller caller) {
        return view(lifecycle.assign(code, caller, IfMatch.version(ifMatch), body.assignee().strip()));
    }

    @Operation(summary = "Ask the applicant to supplement the dossier (specialist); pauses the deadline, issues form 02")
    @PostMapping("/supplement-request")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> requestSupplement(@PathVariable String code,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SupplementRequest body, Caller caller) {
        return view(lifecycle.requestSupplement(code, caller, IfMatch.version(ifMatch), body.reason().strip(), body.documents()));
    }

    @Operation(summary = "Ask the applicant to meet a financial obligation (specialist); pauses the deadline")
    @PostMapping("/financial-obligation")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> requestFinancialObligation(@PathVariable String code,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody FinancialObligation body, Caller caller) {
        return view(lifecycle.requestFinancialObligation(code, caller, IfMatch.version(ifMatch), body.amount(), body.reason().strip()));
    }

    @Operation(summary = "Approve the result (leader)")
    @PostMapping("/approval")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> approve(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Note body, Caller caller) {
        return view(lifecycle.approve(code, caller, IfMatch.version(ifMatch), body == null ? null : body.note()));
    }

    @Operation(summary = "Mark the approved result ready to hand over (specialist, officer or leader)")
    @PostMapping("/result")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> resultReady(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Caller caller) {
        return view(lifecycle.markResultReady(code, caller, IfMatch.version(ifMatch)));
    }

    @Operation(summary = "Record that the result was handed over at the counter or online (officer); results by post return on delivery")
    @PostMapping("/return")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> returnResult(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Caller caller) {
        return view(lifecycle.returnResult(code, caller, IfMatch.version(ifMatch)));
    }

    @Operation(summary = "Stop processing with a reason (leader or specialist); issues form 05")
    @PostMapping("/stop")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> stop(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.stop(code, caller, IfMatch.version(ifMatch), body.reason().strip()));
    }

    @Operation(summary = "Record a delay with its reason and a new due date (officer or leader); issues form 04 and tells the applicant")
    @PostMapping("/due-date-extension")
    @PreAuthorize(STAFF)
    ResponseEntity<DossierView> extend(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DueDateExtension body, Caller caller) {
        return view(lifecycle.extendDueDate(code, caller, IfMatch.version(ifMatch), body.newDueDate(), body.reason().strip()));
    }

    @Operation(summary = "Supplement the dossier after a request (its owner); the deadline clock resumes")
    @PostMapping("/supplement")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<DossierView> supplement(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Note body, Caller caller) {
        return view(lifecycle.supplement(code, caller, IfMatch.version(ifMatch), body == null ? null : body.note()));
    }

    @Operation(summary = "Withdraw the dossier (its owner), while no result is ready")
    @PostMapping("/withdrawal")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<DossierView> withdraw(@PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.withdraw(code, caller, IfMatch.version(ifMatch), body.reason().strip()));
    }

    private static ResponseEntity<DossierView> view(Dossier dossier) {
        return ResponseEntity.ok().eTag(String.valueOf(dossier.version())).body(DossierView.of(dossier));
    }
}
