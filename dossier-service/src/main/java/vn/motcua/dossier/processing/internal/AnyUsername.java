package vn.motcua.dossier.processing.internal;

import java.util.List;
import java.util.Optional;
import vn.motcua.dossier.processing.Specialists;

/**
 * Without a realm account (a service test) any username names a specialist, as before ADR 0058, and the realm lists
 * none: the agency's roster then shows only who holds its dossiers.
 */
class AnyUsername implements Specialists {
    @Override
    public Optional<String> specialistOf(String username, String agencyCode) {
        return Optional.of(username);
    }

    @Override
    public List<Specialist> ofAgency(String agencyCode) {
        return List.of();
    }
}
