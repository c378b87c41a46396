package vn.motcua.dossier.access;

import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/**
 * Who may see and change a dossier. A dossier outside the caller's reach is reported as
 * missing, so codes cannot be probed.
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
