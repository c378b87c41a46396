package vn.motcua.dossier.intake;

import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/**
 * An agency's desk, its envelopes from the post, is acted on by its own officers. Agencies are public, so another agency's
 * officer is told 403, not 404; before a body is read (ADR 0039).
 */
@Component
class AgencyDeskReach implements ReachedFirst.Reach {
    @Override
    public void check(String agencyCode, Caller caller) {
        if (!caller.worksFor(agencyCode)) {
            throw ApiProblem.forbidden("Officers act on the paper dossiers arrived at their own agency only");
        }
    }
}
