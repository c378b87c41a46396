package vn.motcua.dossier.views;

import java.util.Optional;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Whose figures a caller may read, for the statistics and the register: staff their own agency's,
 * ops any agency they name. The period is checked by the kit's {@code Periods}.
 */
public final class AgencyScope {
    private AgencyScope() {
    }

    /** @return the agency asked for (the caller's own by default for staff), empty when ops named none */
    public static Optional<String> of(Caller caller, String agencyCode, Catalog catalog) {
        if (agencyCode != null) {
            catalog.knownAgency(agencyCode);
        }
        if (caller.has(Role.OPS)) {
            return Optional.ofNullable(agencyCode);
        }
        if (caller.agency() == null || (agencyCode != null && !agencyCode.equals(caller.agency()))) {
            throw ApiProblem.forbidden("Staff see the figures of their own agency only");
        }
        return Optional.of(caller.agency());
    }
}
