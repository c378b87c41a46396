package vn.motcua.dossier.processing.internal;

import java.util.Optional;
import vn.motcua.dossier.processing.Specialists;
import vn.motcua.kit.realm.RealmStaff;
import vn.motcua.kit.realm.StaffMember;

/** The agency's specialists as the realm holds them, read with this service's own account and cached a while. */
class RealmSpecialists implements Specialists {
    private final RealmStaff realm;

    RealmSpecialists(RealmStaff realm) {
        this.realm = realm;
    }

    @Override
    public Optional<String> specialistOf(String username, String agencyCode) {
        return realm.ofAgency(agencyCode).stream()
                .filter(member -> member.username().equalsIgnoreCase(username) && member.has("specialist"))
                .map(StaffMember::username).findFirst();
    }
}
