package vn.motcua.notification.warnings.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the staff's addresses come from: the realm, read with this service's own service account
 * (client credentials; the account holds realm-management's view-users and nothing else).
 *
 * @param keycloakUrl the Keycloak server, or empty when there is none (tests): then staff are known
 *     by username only and warned in their inbox
 * @param cacheFor how long a lookup is reused before the realm is asked again
 */
@ConfigurationProperties("motcua.notification.officers")
record OfficersProperties(URI keycloakUrl, String realm, String clientId, String clientSecret, Duration cacheFor) {
    OfficersProperties {
        realm = realm == null ? "motcua" : realm;
        clientId = clientId == null ? "notification-service" : clientId;
        cacheFor = cacheFor == null ? Duration.ofMinutes(5) : cacheFor;
    }
}
