package vn.motcua.kit.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens.
 *
 * @param issuer the only accepted {@code iss}, e.g. http://127.0.0.1:8180/realms/motcua
 * @param jwkSetUri where the signing keys are; defaults to Keycloak's certs endpoint of the issuer
 * @param audience the value that must be in {@code aud}
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}
 * @param publicPaths paths that need no token, besides health and API docs
 */
@ConfigurationProperties("motcua.security")
public record SecurityKitProperties(String issuer, String jwkSetUri, String audience, Duration clockSkew,
        List<String> publicPaths) {

    public SecurityKitProperties {
        audience = audience == null ? "motcua-api" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(10) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
    }

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("motcua.security.issuer must be set");
        }
        return issuer + "/protocol/openid-connect/certs";
    }
}
