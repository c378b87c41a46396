package vn.motcua.notification.warnings.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.kit.realm.RealmAccount;
import vn.motcua.kit.realm.RealmStaff;
import vn.motcua.notification.warnings.OfficerDirectory;

@Configuration
class DirectoryConfiguration {
    @Bean
    OfficerDirectory officerDirectory(OfficersProperties settings, ObjectMapper json, Clock clock) {
        return settings.keycloakUrl() == null ? new UsernamesOnly() : new KeycloakDirectory(new RealmStaff(new RealmAccount(
                settings.keycloakUrl(), settings.realm(), settings.clientId(), settings.clientSecret(), settings.cacheFor()), json,
                clock));
    }
}
