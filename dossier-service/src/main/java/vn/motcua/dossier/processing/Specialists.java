package vn.motcua.dossier.processing;

import java.util.List;
import java.util.Optional;
import vn.motcua.kit.problem.ApiProblem;

/** Who may be given a dossier to process: the realm's specialists of its agency, never a list kept by hand. */
public interface Specialists {
    /**
     * @return the username as the realm holds it (whatever capitals it was typed in), when the realm holds an enabled
     *     user of it with the specialist role at the agency
     */
    Optional<String> specialistOf(String username, String agencyCode);

    /**
     * @param field the request's field that named them
     * @return the username as the realm holds it
     * @throws ApiProblem 422 not-a-specialist-of-the-agency, pointing to the agency's roster
     */
    default String specialistOrRefuse(String username, String agencyCode, String field) {
        return specialistOf(username, agencyCode).orElseThrow(() -> ApiProblem.unprocessable("not-a-specialist-of-the-agency",
                username + " is not a specialist of agency " + agencyCode + ": name one of its specialists (GET /api/v1/agencies/"
                        + agencyCode + "/specialists lists them)").with(field, username));
    }

    /** @return the agency's enabled users with the specialist role, as the realm holds them */
    List<Specialist> ofAgency(String agencyCode);

    /** @param name family name then given name, or null when the realm holds none */
    record Specialist(String username, String name) {
    }
}
