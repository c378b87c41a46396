package vn.motcua.kit.realm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A service's own account in the realm (client credentials), which holds realm-management's view-users and nothing
 * else.
 *
 * @param keycloakUrl the Keycloak server
 * @param realm {@code motcua} unless set
 * @param cacheFor how long an answer of the realm is reused before it is asked again; five minutes unless set
 */
public record RealmAccount(URI keycloakUrl, String realm, String clientId, String clientSecret, Duration cacheFor) {
    public RealmAccount {
        realm = realm == null ? "motcua" : realm;
        cacheFor = cacheFor == null ? Duration.ofMinutes(5) : cacheFor;
    }

    /**
     * The account a service's settings describe under {@code prefix} ({@code keycloak-url}, {@code realm},
     * {@code client-id}, {@code client-secret}, {@code cache-for}); none without a Keycloak URL (a service test).
     */
    public static Optional<RealmAccount> configured(Environment environment, String prefix) {
        return Optional.ofNullable(Binder.get(environment).bind(prefix, RealmAccount.class).orElse(null))
                .filter(account -> account.keycloakUrl() != null && !account.keycloakUrl().toString().isBlank());
    }
}
