package vn.motcua.dossier.processing.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.dossier.processing.Specialists;
import vn.motcua.kit.realm.RealmAccount;
import vn.motcua.kit.realm.RealmStaff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffProperties.class)
class SpecialistsConfiguration {
    /** Without a realm to ask (a service test), any username names a specialist, as the dossier was before ADR 0058. */
    @Bean
    Specialists specialists(StaffProperties settings, ObjectMapper json, Clock clock) {
        if (settings.keycloakUrl() == null) {
            return (username, agencyCode) -> Optional.of(username);
        }
        return new RealmSpecialists(new RealmStaff(new RealmAccount(settings.keycloakUrl(), settings.realm(), settings.clientId(),
                settings.clientSecret(), settings.cacheFor()), json, clock));
    }
}
