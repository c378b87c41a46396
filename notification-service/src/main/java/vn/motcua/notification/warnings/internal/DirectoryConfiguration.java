package vn.motcua.notification.warnings.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.kit.realm.RealmAccount;
import vn.motcua.kit.realm.RealmStaff;
import vn.motcua.notification.warnings.OfficerDirectory;

@Configuration
class DirectoryConfiguration {
    /** The staff's addresses from the realm, with this service's own account; without one (a service test), inbox only. */
    @Bean
    OfficerDirectory officerDirectory(Environment environment, ObjectMapper json, Clock clock) {
        return RealmAccount.configured(environment, "motcua.notification.officers")
                .<OfficerDirectory>map(account -> new KeycloakDirectory(new RealmStaff(account, json, clock)))
                .orElseGet(UsernamesOnly::new);
    }
}
