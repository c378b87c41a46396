package vn.motcua.dossier.processing;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.security.Caller;

/** Ops move a dissolved agency's open dossiers, and the envelopes waiting at its desk, to its successor. */
@RestController
class AgencySuccessionController {
    private final AgencySuccession succession;

    AgencySuccessionController(AgencySuccession succession) {
        this.succession = succession;
    }

    @Operation(summary = "Move the open dossiers of a dissolved agency to its successor, with the paper dossiers the post"
            + " delivered to it that wait unregistered (ops); call again to move any that changed meanwhile")
    @PostMapping("/api/v1/agencies/{code}/succession")
    @PreAuthorize("hasRole('ops')")
    AgencySuccession.Result transfer(@PathVariable String code, Caller caller) {
        return succession.transferOpenDossiers(code, caller);
    }
}
