package vn.motcua.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server from its distribution (unpacked by the build into the work folder).
 * It runs optimized: the distribution is built once for these options (Quarkus' augmentation,
 * which {@code start-dev} repeats at every start), and its H2 database lives in the stack's data
 * folder, so a later start skips the schema migration. The realm file stays the truth: its
 * fingerprint is kept beside the database, and a changed file starts from an empty database
 * and imports again. Measured alone on two cores (ADR 0010): ready in 15 s with the database
 * kept, 22 s with a fresh one, instead of about 45 s in dev mode.
 */
final class KeycloakServer {
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");
    private static final Duration BUILD_WITHIN = Duration.ofMinutes(5);

    private KeycloakServer() {
    }

    static ChildProcess start(StackConfig config) {
        Path home = config.keycloakHome();
        Path script = home.resolve("bin").resolve("kc.sh");
        if (!Files.exists(script)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + "; build first (./mvnw package -DskipTests does it)");
        }
        Map<String, String> environment = Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // A local identity provider answers a few token requests: C1 halves its start's CPU.
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                // Local-only administrator of the master realm, for looking around.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        buildOnce(config, home, script, environment);
        Path database = databaseFor(config);
        int port = config.ports().keycloak();
        return ChildProcess.start("keycloak", List.of("bash", script.toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://127.0.0.1:" + port, "--import-realm",
                // One node: without it the node looks for cluster members recorded in the database
                // by earlier runs and waits 20 s for them to answer.
                "--cache=local",
                "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"),
                environment, config.logDir());
    }

    private static void buildOnce(StackConfig config, Path home, Path script, Map<String, String> environment) {
        Path marker = home.resolve("motcua-build-options");
        String options = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(options)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of("bash", script.toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ChildProcess.run("keycloak-build", command, environment, config.logDir(), BUILD_WITHIN);
            Files.writeString(marker, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database folder, emptied when the realm file changed since it was imported. */
    private static Path databaseFor(StackConfig config) {
        Path realm = config.projectDir().resolve("infra/keycloak/motcua-realm.json");
        Path database = config.dataDir().resolve("keycloak");
        Path imported = database.resolve("realm.sha256");
        String fingerprint = WorkFiles.sha256(realm);
        try {
            if (!Files.exists(imported) || !Files.readString(imported).equals(fingerprint)) {
                WorkFiles.deleteRecursively(database);
            }
            Files.createDirectories(database);
            Files.writeString(imported, fingerprint);
            Path imports = Files.createDirectories(config.keycloakHome().resolve("data").resolve("import"));
            Files.copy(realm, imports.resolve("motcua-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return database;
    }

    static String readinessUrl(StackConfig config) {
        return config.issuer() + "/.well-known/openid-configuration";
    }
}
