package vn.motcua.dossier.processing;

import java.util.Optional;

/** Who may be given a dossier to process: the realm's specialists of its agency, never a list kept by hand. */
public interface Specialists {
    /**
     * @return the username as the realm holds it (whatever capitals it was typed in), when the realm holds an enabled
     *     user of it with the specialist role at the agency
     */
    Optional<String> specialistOf(String username, String agencyCode);
}
