package vn.motcua.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server from its distribution (unpacked by the build into the work
 * folder), in dev mode with an in-memory database: the realm is imported from the repository
 * at every start, so the realm file is always the truth.
 */
final class KeycloakServer {
    private KeycloakServer() {
    }

    static ChildProcess start(StackConfig config) {
        Path home = config.keycloakHome();
        Path script = home.resolve("bin").resolve("kc.sh");
        if (!Files.exists(script)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + "; build first (./mvnw package -DskipTests does it)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Files.copy(config.projectDir().resolve("infra/keycloak/motcua-realm.json"),
                    imports.resolve("motcua-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = config.ports().keycloak();
        return ChildProcess.start("keycloak", List.of("bash", script.toString(), "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                        "--db=dev-mem", "--import-realm", "--cache=local"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                        // Local-only administrator of the master realm, for looking around.
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                config.logDir());
    }

    static String readinessUrl(StackConfig config) {
        return config.issuer() + "/.well-known/openid-configuration";
    }
}
