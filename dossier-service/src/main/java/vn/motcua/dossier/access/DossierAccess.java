package vn.motcua.dossier.access;

import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/**
 * Who may see and change a dossier: its owner, a representative acting for the owner (a portal,
 * on the dossiers it submitted for them, at agencies of its province), and staff of its agency. A
 * dossier outside the caller's reach is reported as missing, so codes cannot be probed.
 */
@Component
public class DossierAccess implements ReachedFirst.Reach {
    private final DossierRepository dossiers;

    DossierAccess(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    public static boolean maySee(Dossier dossier, Caller caller) {
        return actsAsOwner(dossier, caller) || caller.worksFor(dossier.agencyCode());
    }

    /** The owner, or the representative who submitted the dossier for them, within its province. */
    public static boolean actsAsOwner(Dossier dossier, Caller caller) {
        return caller.isCitizen(dossier.ownerCitizenId())
                || (caller.representsAt(dossier.agencyCode()) && caller.subject().equals(dossier.submittedBy()));
    }

    /** A dossier the caller does not see is 404 before a request about it is read (ADR 0039). */
    @Override
    public void check(String code, Caller caller) {
        visible(code, caller);
    }

    public Dossier visible(String code, Caller caller) {
        return find(code, dossier -> maySee(dossier, caller));
    }

    public Dossier ofStaff(String code, Caller caller) {
        return find(code, dossier -> caller.worksFor(dossier.agencyCode()));
    }

    public Dossier ofOwner(String code, Caller caller) {
        return find(code, dossier -> actsAsOwner(dossier, caller));
    }

    /** For a dossier named in a request's body, where a missing one is the body's fault rather than the address's. */
    public Optional<Dossier> ownedBy(String code, Caller caller) {
        return dossiers.findById(code).filter(dossier -> actsAsOwner(dossier, caller));
    }

    private Dossier find(String code, Predicate<Dossier> reachable) {
        return dossiers.findById(code).filter(reachable).orElseThrow(() -> ApiProblem.notFound("Dossier", code));
    }
}
