package vn.motcua.notification.warnings.internal;

import java.util.List;
import java.util.Optional;
import vn.motcua.notification.warnings.Officer;
import vn.motcua.notification.warnings.OfficerDirectory;

/** Without a realm to ask (a service test): staff are known by the username events name, and warned in their inbox only. */
class UsernamesOnly implements OfficerDirectory {
    @Override
    public List<Officer> oneStopOfficers(String agencyCode) {
        return List.of();
    }

    @Override
    public List<Officer> leaders(String agencyCode) {
        return List.of();
    }

    @Override
    public Optional<Officer> byUsername(String username) {
        return Optional.of(new Officer(username, null, null));
    }

    /** Any username is a specialist here, as the dossier service takes any without a realm. */
    @Override
    public boolean isSpecialistOf(String username, String agencyCode) {
        return true;
    }
}
