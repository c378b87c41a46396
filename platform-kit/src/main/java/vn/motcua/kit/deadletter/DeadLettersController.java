package vn.motcua.kit.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/**
 * Ops see the events this service failed to apply and re-drive them after a fix. The path names
 * the service, so the gateway routes each service's dead letters to it.
 */
@RestController
@RequestMapping("/api/v1/ops/${spring.application.name}/dead-letters")
@PreAuthorize("hasRole('ops')")
@Validated
public class DeadLettersController {
    private static final String ID = "[A-Za-z0-9._-]{1,200}-\\d{1,5}@\\d{1,19}";

    private final DeadLetters deadLetters;

    public DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** @param ids the dead letters to re-drive; when absent, every parked one (of {@code topic} if given) */
    record RedriveRequest(@Size(max = 1000) List<@NotBlank @Pattern(regexp = ID) String> ids,
            @Size(max = 200) String topic) {
    }

    /** A payload to apply instead of the one that arrived, and why: the producer's fault, found and fixed. */
    record CorrectionRequest(@NotBlank @Size(max = 65_536) String value, @NotBlank @Size(max = 500) String reason) {
    }

    record Failure(String id, String reason) {
    }

    record RedriveSummary(int attempted, int applied, List<Failure> failed, List<String> unknown) {
    }

    @Operation(summary = "This service's dead letters, oldest first, limit at a time (page 0 first; a page shorter than"
            + " limit is the last) (ops)")
    @GetMapping
    List<DeadLetter> list(@RequestParam(required = false) @Size(max = 200) String topic,
            @RequestParam(required = false) DeadLetter.Status status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page) {
        return deadLetters.list(topic, status, page, limit);
    }

    @Operation(summary = "One dead letter with its re-drives (ops)")
    @GetMapping("/{id}")
    DeadLetter one(@PathVariable @Pattern(regexp = ID) String id) {
        DeadLetter letter = deadLetters.find(id);
        if (letter == null) {
            throw ApiProblem.notFound("Dead letter", id);
        }
        return letter;
    }

    @Operation(summary = "Re-drive one dead letter through this service's handlers (ops); 409 if it fails again")
    @PostMapping("/{id}/redrive")
    DeadLetter redriveOne(@PathVariable @Pattern(regexp = ID) String id, Caller caller) {
        DeadLetter after = deadLetters.redrive(id, who(caller));
        if (after == null) {
            throw ApiProblem.notFound("Dead letter", id);
        }
        if (after.status() != DeadLetter.Status.REDRIVEN) {
            throw new ApiProblem(HttpStatus.CONFLICT, "redrive-failed", "Re-drive failed",
                    "Dead letter " + id + " failed again and stays parked: " + after.reason())
                    .with("deadLetter", id);
        }
        return after;
    }

    @Operation(summary = "Correct a parked dead letter's payload before re-driving it (ops): the original is kept, the"
            + " correction names who wrote it and why; 422 if it is not JSON, 409 once the letter was applied")
    @PostMapping("/{id}/correction")
    DeadLetter correct(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody CorrectionRequest correction,
            Caller caller) {
        return switch (deadLetters.correct(id, correction.value(), correction.reason(), who(caller))) {
            case CORRECTED -> deadLetters.find(id);
            case UNKNOWN -> throw ApiProblem.notFound("Dead letter", id);
            case NOT_JSON -> throw ApiProblem.unprocessable("correction-not-json",
                    "The corrected payload is not JSON: a re-drive of it would fail as the original did");
            case ALREADY_REDRIVEN -> throw new ApiProblem(HttpStatus.CONFLICT, "already-redriven", "Already re-driven",
                    "Dead letter " + id + " was applied already; what happened cannot be corrected").with("deadLetter", id);
        };
    }

    @Operation(summary = "Re-drive a selection of dead letters, or every parked one (of a topic) (ops)")
    @PostMapping("/redrive")
    RedriveSummary redrive(@Valid @RequestBody RedriveRequest request, Caller caller) {
        List<String> ids = request.ids() != null ? request.ids() : deadLetters.parkedIds(request.topic());
        int applied = 0;
        List<Failure> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            DeadLetter after = deadLetters.redrive(id, who(caller));
            if (after == null) {
                unknown.add(id);
            } else if (after.status() == DeadLetter.Status.REDRIVEN) {
                applied++;
            } else {
                failed.add(new Failure(id, after.reason()));
            }
        }
        return new RedriveSummary(ids.size(), applied, failed, unknown);
    }

    private static String who(Caller caller) {
        return caller.username() != null ? caller.username() : caller.subject();
    }
}
