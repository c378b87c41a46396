package vn.motcua.kit.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RealmAccountTest {
    @Test
    void aServicesSettingsNameItsAccountWithTheRealmAndCacheDefaulted() {
        MockEnvironment settings = new MockEnvironment().withProperty("motcua.dossier.staff.keycloak-url", "http://127.0.0.1:8180")
                .withProperty("motcua.dossier.staff.client-id", "dossier-service")
                .withProperty("motcua.dossier.staff.client-secret", "s3cret");

        assertThat(RealmAccount.configured(settings, "motcua.dossier.staff")).contains(new RealmAccount(
                URI.create("http://127.0.0.1:8180"), "motcua", "dossier-service", "s3cret", Duration.ofMinutes(5)));
        assertThat(RealmAccount.configured(settings.withProperty("motcua.dossier.staff.cache-for", "PT30S"), "motcua.dossier.staff"))
                .hasValueSatisfying(account -> assertThat(account.cacheFor()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void withoutAKeycloakUrlThereIsNoAccount() {
        MockEnvironment serviceTest = new MockEnvironment().withProperty("motcua.dossier.staff.keycloak-url", "")
                .withProperty("motcua.dossier.staff.client-id", "dossier-service");

        assertThat(RealmAccount.configured(serviceTest, "motcua.dossier.staff")).isEmpty();
        assertThat(RealmAccount.configured(new MockEnvironment(), "motcua.dossier.staff")).isEmpty();
    }
}
