package vn.motcua.dossier.processing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.views.DossierView;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.security.Caller;

/**
 * The processing steps, one endpoint each; who may take each is {@link Step}'s to say. Every answer carries the dossier's version as ETag;
 * sending it back in If-Match makes the step fail with 412 if someone acted in between.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{code}")
class ProcessingController {
    private final Lifecycle lifecycle;

    ProcessingController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * @param paperDocuments required documents handed in on paper, counted with the uploaded ones
     * @param paperOriginalsSeen the paper originals were checked, for procedures that require them
     */
    record Reception(@Size(max = 30) List<@NotBlank @Size(max = 200) String> paperDocuments, Boolean paperOriginalsSeen) {
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

    @Operation(summary = "Receive the dossier: checks the required documents, sets the due date, issues form 01")
    @TakesStep(Step.RECEIVE)
    @PostMapping("/reception")
    ResponseEntity<DossierView> receive(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody(required = false) Reception body, Caller caller) {
        List<String> paper = body == null || body.paperDocuments() == null ? List.of() : body.paperDocuments();
        boolean originalsSeen = body != null && Boolean.TRUE.equals(body.paperOriginalsSeen());
        return view(lifecycle.receive(code, caller, ifMatch, paper, originalsSeen));
    }

    @Operation(summary = "Refuse to receive the dossier with a reason; issues form 03")
    @TakesStep(Step.REFUSE)
    @PostMapping("/refusal")
    ResponseEntity<DossierView> refuse(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.refuse(code, caller, ifMatch, body.reason().strip()));
    }

    @Operation(summary = "The dossier is incomplete at reception: list what to add; issues form 02, not received yet",
            description = "The applicant uploads each listed document (kind = its name here) and supplements; "
                    + "the dossier then comes back to reception (status 1). No deadline runs meanwhile.")
    @TakesStep(Step.REQUEST_INTAKE_SUPPLEMENT)
    @PostMapping("/intake-supplement-request")
    ResponseEntity<DossierView> requestIntakeSupplement(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody SupplementRequest body, Caller caller) {
        return view(lifecycle.requestIntakeSupplement(code, caller, ifMatch, body.reason().strip(),
                body.documents().stream().map(String::strip).toList()));
    }

    @Operation(summary = "Assign a received dossier to a specialist, and processing starts (status 4, event"
            + " DossierProcessingStarted); or pass one a specialist holds, in processing or paused in 5 or 6, to another"
            + " (event DossierReassigned), its status, deadline and any draft's submission or approval unchanged, and the"
            + " staff warnings going to the new one. The assignee must be a specialist of the dossier's agency in the realm"
            + " (422 not-a-specialist-of-the-agency; GET /api/v1/agencies/{code}/specialists lists them)")
    @TakesStep(Step.ASSIGN)
    @PostMapping("/assignment")
    ResponseEntity<DossierView> assign(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody Assignment body, Caller caller) {
        return view(lifecycle.assign(code, caller, ifMatch, body.assignee().strip()));
    }

    @Operation(summary = "Ask the applicant to supplement the dossier; pauses the deadline, issues form 02",
            description = "The supplement is accepted once every listed document has been uploaded since (kind = its name).")
    @TakesStep(Step.REQUEST_SUPPLEMENT)
    @PostMapping("/supplement-request")
    ResponseEntity<DossierView> requestSupplement(@PathVariable String code,
            IfMatch ifMatch,
            @Valid @RequestBody SupplementRequest body, Caller caller) {
        return view(lifecycle.requestSupplement(code, caller, ifMatch, body.reason().strip(), body.documents()));
    }

    @Operation(summary = "Ask the applicant to meet a financial obligation; pauses the deadline")
    @TakesStep(Step.REQUEST_FINANCIAL_OBLIGATION)
    @PostMapping("/financial-obligation")
    ResponseEntity<DossierView> requestFinancialObligation(@PathVariable String code,
            IfMatch ifMatch,
            @Valid @RequestBody FinancialObligation body, Caller caller) {
        return view(lifecycle.requestFinancialObligation(code, caller, ifMatch, body.amount(), body.reason().strip()));
    }

    @Operation(summary = "Submit the draft result to the agency's leaders for approval (status stays 4); they are told"
            + " (event DossierApprovalRequested), and the work queue lists it under awaitingApproval until a leader approves"
            + " it or sends it back. Submitted after an approval, the draft has changed and the approval is withdrawn. 409"
            + " illegal-transition before a specialist has it, or while it awaits a decision already")
    @TakesStep(Step.REQUEST_APPROVAL)
    @PostMapping("/approval-request")
    ResponseEntity<DossierView> requestApproval(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody(required = false) Note body, Caller caller) {
        return view(lifecycle.requestApproval(code, caller, ifMatch, noteOf(body)));
    }

    @Operation(summary = "Approve the draft result, submitted or not (status stays 4); its specialist is told with the"
            + " leader's note (event DossierDraftApproved), and the result may then be marked ready. 409 illegal-transition"
            + " before a specialist has it")
    @TakesStep(Step.APPROVE)
    @PostMapping("/approval")
    ResponseEntity<DossierView> approve(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody(required = false) Note body, Caller caller) {
        return view(lifecycle.approve(code, caller, ifMatch, noteOf(body)));
    }

    private static String noteOf(Note body) {
        return body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
    }

    @Operation(summary = "Send the draft result back to its specialist with what to revise (status stays 4, the deadline runs"
            + " on); an approval given before is withdrawn, so the result is marked ready only after a new approval. The"
            + " specialist is warned (event DossierRevisionRequested). 409 illegal-transition before a specialist has it")
    @TakesStep(Step.REQUEST_REVISION)
    @PostMapping("/revision-request")
    ResponseEntity<DossierView> requestRevision(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.requestRevision(code, caller, ifMatch, body.reason().strip()));
    }

    @Operation(summary = "Mark the approved result ready to hand over; a result handed over online needs its electronic"
            + " copy attached first (a document of kind \"Kết quả giải quyết\"; 422 result-file-missing), which the"
            + " applicant reads from then on: with nothing due at the result, that release is its return (status 10 at once,"
            + " ADR 0071)")
    @TakesStep(Step.MARK_RESULT_READY)
    @PostMapping("/result")
    ResponseEntity<DossierView> resultReady(@PathVariable String code, IfMatch ifMatch,
            Caller caller) {
        return view(lifecycle.markResultReady(code, caller, ifMatch));
    }

    @Operation(summary = "Record that the result was handed over at the counter. Results by post return on delivery, and"
            + " online results when they are released to the applicant (when ready, or once the fees due at the result are"
            + " paid; ADR 0071): a released one is 409, and via=ONLINE before the payment 409 result-fee-unpaid. An online"
            + " result still unpaid is handed over at the counter (via=COUNTER), where the applicant pays them")
    @TakesStep(Step.RETURN_RESULT)
    @PostMapping("/return")
    ResponseEntity<DossierView> returnResult(@PathVariable String code, IfMatch ifMatch,
            @RequestParam(required = false) @Pattern(regexp = "ONLINE|COUNTER") String via, Caller caller) {
        return view(lifecycle.returnResult(code, caller, ifMatch, via == null ? null : ResultDelivery.valueOf(via)));
    }

    @Operation(summary = "Stop processing with a reason; issues the stop notice (forms/stop)")
    @TakesStep(Step.STOP)
    @PostMapping("/stop")
    ResponseEntity<DossierView> stop(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.stop(code, caller, ifMatch, body.reason().strip()));
    }

    @Operation(summary = "Record a delay with its reason and a new due date; issues form 04 and tells the applicant")
    @TakesStep(Step.EXTEND_DUE_DATE)
    @PostMapping("/due-date-extension")
    ResponseEntity<DossierView> extend(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody DueDateExtension body, Caller caller) {
        return view(lifecycle.extendDueDate(code, caller, ifMatch, body.newDueDate(), body.reason().strip()));
    }

    @Operation(summary = "Supplement the dossier after form 02: what it asked for must have been uploaded since; back to reception (asked at reception) or the deadline clock resumes")
    @TakesStep(Step.SUPPLEMENT)
    @PostMapping("/supplement")
    ResponseEntity<DossierView> supplement(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody(required = false) Note body, Caller caller) {
        return view(lifecycle.supplement(code, caller, ifMatch, body == null ? null : body.note()));
    }

    @Operation(summary = "Withdraw the dossier, while no result is ready")
    @TakesStep(Step.WITHDRAW)
    @PostMapping("/withdrawal")
    ResponseEntity<DossierView> withdraw(@PathVariable String code, IfMatch ifMatch,
            @Valid @RequestBody Reason body, Caller caller) {
        return view(lifecycle.withdraw(code, caller, ifMatch, body.reason().strip()));
    }

    private static ResponseEntity<DossierView> view(Dossier dossier) {
        return ResponseEntity.ok().eTag(String.valueOf(dossier.version())).body(DossierView.of(dossier));
    }
}
