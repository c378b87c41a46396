package vn.motcua.dossier.processing.internal;

import vn.motcua.dossier.processing.Specialists;
import vn.motcua.kit.realm.RealmStaff;

/** The agency's specialists as the realm holds them, read with this service's own account and cached a while. */
class RealmSpecialists implements Specialists {
    private final RealmStaff realm;

    RealmSpecialists(RealmStaff realm) {
        this.realm = realm;
    }

    @Override
    public boolean isSpecialistOf(String username, String agencyCode) {
        return realm.ofAgency(agencyCode).stream()
                .anyMatch(member -> member.username().equalsIgnoreCase(username) && member.has("specialist"));
    }
}
