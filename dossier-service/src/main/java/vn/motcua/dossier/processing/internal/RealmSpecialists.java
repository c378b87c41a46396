package vn.motcua.dossier.processing.internal;

import java.util.List;
import java.util.Optional;
import vn.motcua.dossier.processing.Specialists;
import vn.motcua.kit.realm.RealmStaff;

/** The agency's specialists as the realm holds them, read with this service's own account and cached a while. */
class RealmSpecialists implements Specialists {
    private final RealmStaff realm;

    RealmSpecialists(RealmStaff realm) {
        this.realm = realm;
    }

    @Override
    public Optional<String> specialistOf(String username, String agencyCode) {
        return ofAgency(agencyCode).stream().map(Specialist::username).filter(name -> name.equalsIgnoreCase(username))
                .findFirst();
    }

    @Override
    public List<Specialist> ofAgency(String agencyCode) {
        return realm.ofAgency(agencyCode).stream().filter(member -> member.has("specialist"))
                .map(member -> new Specialist(member.username(), member.name())).toList();
    }
}
