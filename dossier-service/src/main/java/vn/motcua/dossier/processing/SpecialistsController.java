package vn.motcua.dossier.processing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.access.OwnAgencyReach;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/** The assignment form's choices, an agency's specialists and what each holds, and passing one's dossiers on at once. */
@RestController
class SpecialistsController {
    private final SpecialistRoster roster;
    private final SpecialistHandOver handOver;
    private final OwnAgencyReach reach;

    SpecialistsController(SpecialistRoster roster, SpecialistHandOver handOver, OwnAgencyReach reach) {
        this.roster = roster;
        this.handOver = handOver;
        this.reach = reach;
    }

    /** Exactly one of them: {@code to} one specialist, or {@code among} several to share the dossiers. */
    record HandOverRequest(@Size(max = 100) String to, @Size(min = 1, max = 20) List<@NotBlank @Size(max = 100) String> among) {
        void checkOneWay() {
            if ((to == null) == (among == null)) {
                throw ApiProblem.badRequest("name-who-takes-them",
                        "Name who takes the dossiers: \"to\" one specialist, or \"among\" several to share them");
            }
            if (to != null && to.isBlank()) {
                throw ApiProblem.badRequest("name-who-takes-them", "\"to\" names no one").with("field", "to");
            }
        }
    }

    @Operation(summary = "The specialists of the caller's own agency a dossier may be assigned to, each with the open"
            + " dossiers they hold and how many of those are overdue; also anyone still holding the agency's open dossiers"
            + " who may no longer be given one (assignable false: left, disabled or moved), so that an officer passes"
            + " their dossiers on")
    @GetMapping("/api/v1/agencies/{code}/specialists")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    SpecialistRoster.Roster specialists(@PathVariable String code, Caller caller) {
        reach.check(code, caller);
        return roster.of(code);
    }

    @Operation(summary = "Pass every open dossier {username} holds at the caller's own agency (in processing, or paused"
            + " in 5 or 6) to another of its specialists (to), or spread among several (among: each dossier to whoever"
            + " named holds the fewest open dossiers then, the first named on a tie), each as a reassignment (event"
            + " DossierReassigned, both told): when a specialist leaves or is away. Answers the dossiers moved, who was"
            + " given which, and any that changed meanwhile and are still held (call again). Each named must be a"
            + " specialist of the agency in the realm (422 not-a-specialist-of-the-agency), and not {username} (422"
            + " same-specialist)")
    @PostMapping("/api/v1/agencies/{code}/specialists/{username}/hand-over")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    @ReachedFirst(value = OwnAgencyReach.class, pathVariable = "code")
    SpecialistHandOver.Result handOver(@PathVariable String code, @PathVariable @Size(max = 100) String username,
            @Valid @RequestBody HandOverRequest body, Caller caller) {
        reach.check(code, caller);
        body.checkOneWay();
        if (body.to() != null) {
            return handOver.handOver(code, username, body.to().strip(), caller);
        }
        return handOver.spread(code, username, body.among().stream().map(String::strip).toList(), caller);
    }
}
