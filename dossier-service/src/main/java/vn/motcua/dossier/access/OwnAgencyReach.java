package vn.motcua.dossier.access;

import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/**
 * What belongs to an agency as a whole (its specialists, its desk's envelopes from the post) is acted on by its own staff
 * only. Agencies are public, so another agency's staff are told 403, not 404; before a body is read (ADR 0039).
 */
@Component
public class OwnAgencyReach implements ReachedFirst.Reach {
    @Override
    public void check(String agencyCode, Caller caller) {
        if (!caller.worksFor(agencyCode)) {
            throw ApiProblem.forbidden("Officers and leaders act on their own agency's specialists and desk only");
        }
    }
}
