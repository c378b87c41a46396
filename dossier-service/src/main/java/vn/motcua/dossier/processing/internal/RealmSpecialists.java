package vn.motcua.dossier.processing.internal;

import java.util.List;
import java.util.Optional;
import vn.motcua.dossier.processing.Specialists;
import vn.motcua.kit.realm.RealmStaff;
import vn.motcua.kit.realm.StaffMember;

/** The agency's specialists as the realm holds them, read with this service's own account and cached a while. */
class RealmSpecialists implements Specialists {
    private static final String SPECIALIST = "specialist";
    private final RealmStaff realm;

    RealmSpecialists(RealmStaff realm) {
        this.realm = realm;
    }

    @Override
    public Optional<String> specialistOf(String username, String agencyCode) {
        return realm.withRole(agencyCode, SPECIALIST, username).map(StaffMember::username);
    }

    @Override
    public List<Specialist> ofAgency(String agencyCode) {
        return realm.withRole(agencyCode, SPECIALIST).stream().map(member -> new Specialist(member.username(), member.name()))
                .toList();
    }
}
