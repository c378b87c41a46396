package vn.motcua.dossier.processing.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the agencies' specialists are found: the realm, read with this service's own account (client credentials;
 * it holds realm-management's view-users and nothing else).
 *
 * @param keycloakUrl the Keycloak server, or empty when there is none (service tests): then any username is taken
 * @param cacheFor how long an agency's staff are reused before the realm is asked again
 */
@ConfigurationProperties("motcua.dossier.staff")
record StaffProperties(URI keycloakUrl, String realm, String clientId, String clientSecret, Duration cacheFor) {
    StaffProperties {
        realm = realm == null ? "motcua" : realm;
        clientId = clientId == null ? "dossier-service" : clientId;
        cacheFor = cacheFor == null ? Duration.ofMinutes(5) : cacheFor;
    }
}
