package vn.motcua.dossier.processing;

import java.util.List;
import java.util.Optional;

/** Who may be given a dossier to process: the realm's specialists of its agency, never a list kept by hand. */
public interface Specialists {
    /**
     * @return the username as the realm holds it (whatever capitals it was typed in), when the realm holds an enabled
     *     user of it with the specialist role at the agency
     */
    Optional<String> specialistOf(String username, String agencyCode);

    /** @return the agency's enabled users with the specialist role, as the realm holds them */
    List<Specialist> ofAgency(String agencyCode);

    /** @param name family name then given name, or null when the realm holds none */
    record Specialist(String username, String name) {
    }
}
