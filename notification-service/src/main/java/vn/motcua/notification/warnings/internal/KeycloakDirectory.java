package vn.motcua.notification.warnings.internal;

import java.util.List;
import java.util.Optional;
import vn.motcua.kit.realm.RealmStaff;
import vn.motcua.kit.realm.StaffMember;
import vn.motcua.notification.warnings.Officer;
import vn.motcua.notification.warnings.OfficerDirectory;

/**
 * The realm's users, read with this service's own account (the kit's {@link RealmStaff}). A realm that cannot be
 * reached fails the event, which is retried: a warning must not go to nobody because the directory was down.
 */
class KeycloakDirectory implements OfficerDirectory {
    private final RealmStaff realm;

    KeycloakDirectory(RealmStaff realm) {
        this.realm = realm;
    }

    @Override
    public List<Officer> oneStopOfficers(String agencyCode) {
        return withRole(agencyCode, "officer");
    }

    @Override
    public List<Officer> leaders(String agencyCode) {
        return withRole(agencyCode, "leader");
    }

    private List<Officer> withRole(String agencyCode, String role) {
        return realm.withRole(agencyCode, role).stream().map(KeycloakDirectory::officer).toList();
    }

    @Override
    public Optional<Officer> byUsername(String username) {
        return realm.byUsername(username).map(KeycloakDirectory::officer);
    }

    @Override
    public boolean isSpecialistOf(String username, String agencyCode) {
        return realm.withRole(agencyCode, "specialist", username).isPresent();
    }

    private static Officer officer(StaffMember member) {
        return new Officer(member.username(), member.name(), member.email());
    }
}
