package vn.motcua.dossier.core;

import java.util.Arrays;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Who may see and change a dossier. A dossier outside the caller's reach is reported as
 * missing, so codes cannot be probed; a caller who may see it but lacks the role for an action
 * is told which role it takes.
 */
@Component
public class DossierAccess {
    private final DossierRepository dossiers;

    DossierAccess(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    public static boolean maySee(Dossier dossier, Caller caller) {
        return caller.isCitizen(dossier.ownerCitizenId()) || caller.worksFor(dossier.agencyCode());
    }

    public Dossier visible(String code, Caller caller) {
        return find(code, dossier -> maySee(dossier, caller));
    }

    /** A dossier of the caller's agency, acted on in one of the given roles; returns the role used. */
    public Role staffRole(Dossier dossier, Caller caller, Role... roles) {
        return Arrays.stream(roles).filter(caller::has).findFirst().orElseThrow(() -> ApiProblem.forbidden(
                "This action on dossier " + dossier.code() + " takes the role " + Arrays.toString(roles)));
    }

    public Dossier ofStaff(String code, Caller caller) {
        return find(code, dossier -> caller.worksFor(dossier.agencyCode()));
    }

    public Dossier ofOwner(String code, Caller caller) {
        return find(code, dossier -> caller.isCitizen(dossier.ownerCitizenId()));
    }

    private Dossier find(String code, Predicate<Dossier> reachable) {
        return dossiers.findById(code).filter(reachable).orElseThrow(() -> ApiProblem.notFound("Dossier", code));
    }
}
