package vn.motcua.testinfra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers for MockMvc tests of one service, shaped like the motcua realm's tokens (realm
 * roles, citizen_id and agency claims). Real Keycloak tokens are exercised by the system test.
 */
public final class CallerMother {
    public static final String CITIZEN_1 = "001090000001";
    public static final String CITIZEN_2 = "001090000002";
    /** xã Thường Tín, the commune that took over the Thường Tín district in the 2025 reform. */
    public static final String AGENCY_THUONG_TIN = "000.10.20.30.H29";
    public static final String AGENCY_JUSTICE = "000.00.01.H29";

    private CallerMother() {
    }

    public static RequestPostProcessor citizen(String citizenId) {
        return caller("citizen-" + citizenId, Map.of("citizen_id", citizenId), "citizen");
    }

    /** A citizen whose token carries their email and phone number, as the realm's profile scopes put them. */
    public static RequestPostProcessor citizen(String citizenId, String email, String phone) {
        return caller("citizen-" + citizenId, Map.of("citizen_id", citizenId, "email", email, "phone_number", phone), "citizen");
    }

    public static RequestPostProcessor officer(String agency) {
        return caller("officer-" + agency, Map.of("agency", agency), "officer");
    }

    /** Staff of an agency in one role, e.g. {@code staff("specialist1", AGENCY_THUONG_TIN, "specialist")}. */
    public static RequestPostProcessor staff(String username, String agency, String role) {
        return caller(username, Map.of("agency", agency), role);
    }

    public static RequestPostProcessor specialist(String agency) {
        return staff("specialist-" + agency, agency, "specialist");
    }

    public static RequestPostProcessor leader(String agency) {
        return staff("leader-" + agency, agency, "leader");
    }

    public static RequestPostProcessor ops() {
        return caller("ops1", Map.of(), "ops");
    }

    /** Hà Nội's portal, which acts for citizens at agencies of province H29. */
    public static RequestPostProcessor portal() {
        return portal("portal-hanoi", "H29");
    }

    /** A provincial portal's service account, acting in {@code province} (null: a token without the claim). */
    public static RequestPostProcessor portal(String clientId, String province) {
        Map<String, Object> claims = province == null ? Map.of("azp", clientId) : Map.of("azp", clientId, "province", province);
        return caller("service-account-" + clientId, claims, "portal");
    }

    /** A postal operator's service account (client credentials), e.g. {@code postalOperator("postal-vnpost")}. */
    public static RequestPostProcessor postalOperator(String clientId) {
        return caller("service-account-" + clientId, Map.of("azp", clientId), "postal-operator");
    }

    /** A clerk at a Hà Nội post office (BCCI), who submits for the citizens before them at agencies of province H29. */
    public static RequestPostProcessor postOfficeClerk(String postOffice) {
        return postOfficeClerk(postOffice, "H29");
    }

    /** A post-office clerk of another province, e.g. {@code postOfficeClerk("Bưu cục Lê Chân", "T01")}. */
    public static RequestPostProcessor postOfficeClerk(String postOffice, String province) {
        return caller("clerk-" + postOffice.hashCode(), Map.of("azp", "bccd-" + province, "province", province, "post_office",
                postOffice), "postal-clerk");
    }

    /** Hà Nội's Zalo Official Account chat bot, which books for phone numbers in province H29. */
    public static RequestPostProcessor chatBot() {
        return caller("service-account-zalo-oa-hanoi", Map.of("azp", "zalo-oa-hanoi", "province", "H29"), "chatbot");
    }

    public static RequestPostProcessor withRoles(String subject, String... roles) {
        return caller(subject, Map.of(), roles);
    }

    private static RequestPostProcessor caller(String subject, Map<String, Object> claims, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> {
                    jwt.subject(subject).claim("preferred_username", subject)
                            .claim("realm_access", Map.of("roles", List.of(roles)));
                    claims.forEach(jwt::claim);
                })
                .authorities(Arrays.stream(roles).<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
