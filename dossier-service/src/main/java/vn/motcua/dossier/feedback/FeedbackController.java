package vn.motcua.dossier.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;

/** Citizens file feedback and read the answers; the agency's officers and leader answer it. */
@RestController
class FeedbackController {
    private final FeedbackDesk desk;
    private final IdempotencyKeys idempotency;

    FeedbackController(FeedbackDesk desk, IdempotencyKeys idempotency) {
        this.desk = desk;
        this.idempotency = idempotency;
    }

    record Filing(@Size(max = 64) String dossierCode, @Size(max = 40) String agencyCode, @NotNull Feedback.Kind kind,
            @NotBlank @Size(max = 4000) String text) {
    }

    record Answer(@NotBlank @Size(max = 4000) String text) {
    }

    record FeedbackView(String id, String citizenId, String agencyCode, String dossierCode, Feedback.Kind kind,
            String text, Instant filedAt, LocalDate answerDue, String answer, String answeredBy, Instant answeredAt,
            boolean overdue) {
        static FeedbackView of(Feedback feedback, FeedbackDesk desk) {
            LocalDate answeredOn = feedback.answeredAt() == null ? null : desk.dayOf(feedback.answeredAt());
            return new FeedbackView(feedback.id(), feedback.citizenId(), feedback.agencyCode(), feedback.dossierCode(),
                    feedback.kind(), feedback.text(), feedback.filedAt(), feedback.answerDue(), feedback.answerText(),
                    feedback.answeredBy(), feedback.answeredAt(), feedback.overdueOn(desk.today(), answeredOn));
        }
    }

    @Operation(summary = "File feedback (phản ánh, kiến nghị) on your own dossier or on an agency (citizen). 422 unknown-dossier:"
            + " no dossier of yours has the dossierCode given; unknown-agency: no agency has the agencyCode;"
            + " agency-not-the-dossiers: both given, and the dossier is another agency's")
    @ApiResponse(responseCode = "201", description = "Filed; Location names it", useReturnTypeSchema = true)
    @PostMapping("/api/v1/feedback")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<FeedbackView> file(
            @Parameter(description = "Unique per intended filing; a retry with the same key and body returns the first answer,"
                    + " and files nothing twice")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Filing filing, Caller caller) {
        return idempotency.once(caller.subject() + "|file-feedback", idempotencyKey, filing, FeedbackView.class, claim -> {
            Feedback filed = desk.filedUnder(claim).orElseGet(() -> desk.file(caller, blankToNull(filing.dossierCode()),
                    blankToNull(filing.agencyCode()), filing.kind(), filing.text().strip(), claim));
            return ResponseEntity.created(URI.create("/api/v1/feedback/" + filed.id())).body(FeedbackView.of(filed, desk));
        });
    }

    @Operation(summary = "Your feedback (citizen), or your agency's (officer, leader), newest first; unanswered=true for"
            + " the open ones, the answer soonest due first. A page at a time (a page shorter than size is the last)")
    @GetMapping("/api/v1/feedback")
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'leader')")
    List<FeedbackView> list(@RequestParam(defaultValue = "false") boolean unanswered,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        List<Feedback> found = caller.has(Role.CITIZEN) ? desk.ofCitizen(caller.citizenId(), paging)
                : desk.ofAgency(requireAgency(caller), unanswered, paging);
        return found.stream().map(feedback -> FeedbackView.of(feedback, desk)).toList();
    }

    @Operation(summary = "One piece of feedback: its citizen, or staff of the agency that answers it")
    @GetMapping("/api/v1/feedback/{id}")
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'leader')")
    FeedbackView one(@PathVariable String id, Caller caller) {
        return FeedbackView.of(desk.find(id, caller), desk);
    }

    @Operation(summary = "Answer feedback addressed to your agency, once (officer, leader)")
    @PostMapping("/api/v1/feedback/{id}/answer")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    @ReachedFirst(FeedbackDesk.class)
    FeedbackView answer(@PathVariable String id, @Valid @RequestBody Answer answer, Caller caller) {
        return FeedbackView.of(desk.answer(id, caller, answer.text().strip()), desk);
    }

    private static String requireAgency(Caller caller) {
        if (caller.agency() == null) {
            throw ApiProblem.forbidden("Your account names no agency");
        }
        return caller.agency();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
