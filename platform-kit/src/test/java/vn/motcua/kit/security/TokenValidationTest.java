package vn.motcua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidationTest {
    private static final String ISSUER = "http://127.0.0.1:8180/realms/motcua";
    private final OAuth2TokenValidator<Jwt> validator = SecurityKitConfiguration.tokenValidator(
            new SecurityKitProperties(ISSUER, null, null, Duration.ofSeconds(10), null));

    @Test
    void aCurrentTokenOfTheRealmForTheApiIsValid() {
        assertThat(validator.validate(token(ISSUER, List.of("motcua-api"), Instant.now().plusSeconds(60))).hasErrors()).isFalse();
    }

    @Test
    void anotherIssuerIsRefused() {
        assertThat(validator.validate(token("http://127.0.0.1:8180/realms/other", List.of("motcua-api"),
                Instant.now().plusSeconds(60))).hasErrors()).isTrue();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(validator.validate(token(ISSUER, List.of("account"), Instant.now().plusSeconds(60))).hasErrors()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheClockSkewHasPassed() {
        assertThat(validator.validate(token(ISSUER, List.of("motcua-api"), Instant.now().minusSeconds(5))).hasErrors()).isFalse();
        assertThat(validator.validate(token(ISSUER, List.of("motcua-api"), Instant.now().minusSeconds(30))).hasErrors()).isTrue();
    }

    @Test
    void realmRolesBecomeRoleAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .claim("realm_access", Map.of("roles", List.of("officer", "default-roles-motcua"))).build();
        assertThat(new KeycloakRoles().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_officer", "ROLE_default-roles-motcua");
        Jwt withoutRoles = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();
        assertThat(new KeycloakRoles().convert(withoutRoles)).isEmpty();
    }

    @Test
    void onlyStaffOfAnAgencyWorkForIt() {
        Caller officer = new Caller("s", "officer1", Set.of(Role.OFFICER), null, "000.10.20.H29", "motcua-demo");
        Caller postal = new Caller("s", "postal1", Set.of(Role.POSTAL_OPERATOR), null, "000.10.20.H29", "postal-vnpost");
        Caller citizen = new Caller("s", "citizen1", Set.of(Role.CITIZEN), "001090000001", null, "motcua-demo");

        assertThat(officer.worksFor("000.10.20.H29")).isTrue();
        assertThat(officer.worksFor("000.00.01.H29")).isFalse();
        assertThat(postal.worksFor("000.10.20.H29")).isFalse();
        assertThat(citizen.isCitizen("001090000001")).isTrue();
        assertThat(citizen.isCitizen("001090000002")).isFalse();
        assertThat(officer.isCitizen(null)).isFalse();
    }

    private static Jwt token(String issuer, List<String> audience, Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer(issuer).audience(audience).subject("user")
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build();
    }
}
