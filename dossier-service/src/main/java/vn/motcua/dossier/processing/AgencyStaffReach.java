package vn.motcua.dossier.processing;

import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/**
 * An agency's specialists are seen and handed over by its own officers and leaders. Agencies are public, so another
 * agency's staff are told 403, not 404; before a body is read (ADR 0039).
 */
@Component
class AgencyStaffReach implements ReachedFirst.Reach {
    @Override
    public void check(String agencyCode, Caller caller) {
        if (!caller.worksFor(agencyCode)) {
            throw ApiProblem.forbidden("Officers and leaders see and hand over the specialists of their own agency only");
        }
    }
}
