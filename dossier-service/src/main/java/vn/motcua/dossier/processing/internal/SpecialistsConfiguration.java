package vn.motcua.dossier.processing.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.dossier.processing.Specialists;
import vn.motcua.kit.realm.RealmAccount;
import vn.motcua.kit.realm.RealmStaff;

@Configuration(proxyBeanMethods = false)
class SpecialistsConfiguration {
    /**
     * The agencies' specialists from the realm, with this service's own account ({@code motcua.dossier.staff});
     * without one (a service test), any username names a specialist ({@link AnyUsername}).
     */
    @Bean
    Specialists specialists(Environment environment, ObjectMapper json, Clock clock) {
        return RealmAccount.configured(environment, "motcua.dossier.staff")
                .<Specialists>map(account -> new RealmSpecialists(new RealmStaff(account, json, clock)))
                .orElseGet(AnyUsername::new);
    }
}
