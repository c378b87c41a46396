package vn.motcua.kit.security;

import java.util.Set;

/**
 * Who is calling, read from a verified token.
 *
 * @param subject the token subject (Keycloak user or service-account id)
 * @param citizenId 12-digit citizen id number of a citizen ({@code citizen_id} claim), else null
 * @param agency agency code of an officer, specialist or leader ({@code agency} claim), else null
 * @param clientId the OAuth2 client the token was issued to ({@code azp})
 */
public record Caller(String subject, String username, Set<Role> roles, String citizenId, String agency,
        String clientId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isCitizen(String candidateCitizenId) {
        return has(Role.CITIZEN) && citizenId != null && citizenId.equals(candidateCitizenId);
    }

    /** Officer-side staff of the given agency: officer, specialist or leader. */
    public boolean worksFor(String agencyCode) {
        return agency != null && agency.equals(agencyCode)
                && (has(Role.OFFICER) || has(Role.SPECIALIST) || has(Role.LEADER));
    }
}
