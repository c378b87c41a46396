package vn.motcua.dossier.processing;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/** The assignment form's choices: an agency's specialists and what each holds. */
@RestController
class SpecialistsController {
    private final SpecialistRoster roster;

    SpecialistsController(SpecialistRoster roster) {
        this.roster = roster;
    }

    @Operation(summary = "The specialists of the caller's own agency a dossier may be assigned to, each with the open"
            + " dossiers they hold and how many of those are overdue; also anyone still holding the agency's open dossiers"
            + " who may no longer be given one (assignable false: left, disabled or moved), so that an officer passes"
            + " their dossiers on")
    @GetMapping("/api/v1/agencies/{code}/specialists")
    @PreAuthorize("hasAnyRole('officer', 'leader')")
    SpecialistRoster.Roster specialists(@PathVariable String code, Caller caller) {
        if (!code.equals(caller.agency())) {
            throw ApiProblem.forbidden("Officers and leaders see the specialists of their own agency only");
        }
        return roster.of(code);
    }
}
