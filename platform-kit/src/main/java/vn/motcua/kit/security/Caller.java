package vn.motcua.kit.security;

import java.util.Set;

/**
 * Who is calling, read from a verified token.
 *
 * @param subject the token subject (Keycloak user or service-account id)
 * @param citizenId 12-digit citizen id number of a citizen ({@code citizen_id} claim), else null
 * @param agency agency code of an officer, specialist or leader ({@code agency} claim), else null
 * @param clientId the OAuth2 client the token was issued to ({@code azp})
 * @param province the province a representative acts in ({@code province} claim, e.g. "H29"), else null
 * @param postOffice the post office of a post-office clerk ({@code post_office} claim), else null
 */
public record Caller(String subject, String username, Set<Role> roles, String citizenId, String agency,
        String clientId, String province, String postOffice) {

    public Caller(String subject, String username, Set<Role> roles, String citizenId, String agency, String clientId,
            String province) {
        this(subject, username, roles, citizenId, agency, clientId, province, null);
    }

    public Caller(String subject, String username, Set<Role> roles, String citizenId, String agency, String clientId) {
        this(subject, username, roles, citizenId, agency, clientId, null, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isCitizen(String candidateCitizenId) {
        return has(Role.CITIZEN) && citizenId != null && citizenId.equals(candidateCitizenId);
    }

    /**
     * Acts for citizens at this agency: a representative (a provincial portal, or a post-office
     * clerk) whose province is the agency's. A representative does for a citizen what the citizen
     * can, on what it did for them, and nothing elsewhere.
     */
    public boolean representsAt(String agencyCode) {
        return isRepresentative() && province != null && agencyCode != null && agencyCode.endsWith("." + province);
    }

    /** A provincial portal or a post-office clerk: one who submits for citizens rather than as one. */
    public boolean isRepresentative() {
        return has(Role.PORTAL) || has(Role.POSTAL_CLERK);
    }

    /** A chat bot of this agency's province: it books for phone numbers, never for citizen ids. */
    public boolean isChatBotAt(String agencyCode) {
        return has(Role.CHATBOT) && province != null && agencyCode != null && agencyCode.endsWith("." + province);
    }

    /** Officer-side staff of the given agency: officer, specialist or leader. */
    public boolean worksFor(String agencyCode) {
        return agency != null && agency.equals(agencyCode)
                && (has(Role.OFFICER) || has(Role.SPECIALIST) || has(Role.LEADER));
    }
}
