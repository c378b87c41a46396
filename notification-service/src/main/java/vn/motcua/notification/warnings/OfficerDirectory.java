package vn.motcua.notification.warnings;

import java.util.List;
import java.util.Optional;

/** Who works where and how to write to them: the realm's users, never a copy kept by hand. */
public interface OfficerDirectory {
    /** The agency's one-stop officers (realm role {@code officer}, attribute {@code agency}). */
    List<Officer> oneStopOfficers(String agencyCode);

    /** The agency's leaders (realm role {@code leader}, attribute {@code agency}), who approve its results. */
    List<Officer> leaders(String agencyCode);

    Optional<Officer> byUsername(String username);

    /**
     * Whether the realm holds the user as an enabled specialist of the agency: one who no longer is (left, disabled,
     * moved) still holds the dossiers recorded against them until an officer hands them over.
     */
    boolean isSpecialistOf(String username, String agencyCode);
}
