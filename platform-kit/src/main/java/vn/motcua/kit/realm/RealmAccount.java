package vn.motcua.kit.realm;

import java.net.URI;
import java.time.Duration;

/**
 * A service's own account in the realm (client credentials), which holds realm-management's view-users and nothing
 * else.
 *
 * @param cacheFor how long an answer of the realm is reused before it is asked again
 */
public record RealmAccount(URI keycloakUrl, String realm, String clientId, String clientSecret, Duration cacheFor) {
}
