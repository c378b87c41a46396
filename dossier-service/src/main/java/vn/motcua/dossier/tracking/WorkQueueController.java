package vn.motcua.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

@RestController
class WorkQueueController {
    private final WorkQueue queue;

    WorkQueueController(WorkQueue queue) {
        this.queue = queue;
    }

    @Operation(summary = "Dossiers of the caller's own agency, filtered and paged, soonest due first")
    @GetMapping("/api/v1/work-queue")
    @PreAuthorize("hasAnyRole('officer', 'specialist', 'leader')")
    WorkQueue.Page workQueue(
            @Parameter(description = "National status codes (repeat the parameter for several)")
            @RequestParam(required = false) List<Integer> status,
            @RequestParam(required = false) WorkQueue.Deadline deadline,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String procedureCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedTo,
            @Parameter(description = "true: only drafts a leader sent back to their specialist and has not approved"
                    + " since (each item says why in revisionReason); false: only the others")
            @RequestParam(required = false) Boolean sentBack,
            @Parameter(description = "true: only drafts a specialist submitted for approval that no leader has approved or"
                    + " sent back yet (each item says when in approvalRequestedAt); false: only the others")
            @RequestParam(required = false) Boolean awaitingApproval,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Caller caller) {
        if (caller.agency() == null) {
            throw ApiProblem.forbidden("Your account belongs to no agency; the work queue lists an agency's dossiers");
        }
        // A blank value (?status=1&status=, as a form with an empty choice sends) filters nothing, as ?status= alone does.
        List<Integer> statuses = status == null ? null : status.stream().filter(Objects::nonNull).toList();
        if (statuses != null && statuses.stream().anyMatch(code -> code < 1 || code > 10)) {
            throw ApiProblem.badRequest("bad-status", "National status codes run from 1 to 10");
        }
        if (submittedFrom != null && submittedTo != null && submittedTo.isBefore(submittedFrom)) {
            throw ApiProblem.badRequest("bad-date-range", "submittedTo is before submittedFrom");
        }
        return queue.find(new WorkQueue.Filter(caller.agency(), statuses, deadline, assignee, procedureCode,
                submittedFrom, submittedTo, sentBack, awaitingApproval), page, size);
    }
}
