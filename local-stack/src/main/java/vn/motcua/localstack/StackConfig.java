package vn.motcua.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Where a stack runs and what it keeps.
 *
 * @param projectDir the checkout, where the services' jars and the realm file are
 * @param workDir the git-ignored folder for data, logs and the Keycloak distribution
 * @param dataDir where this stack's data lives (MongoDB file, Kafka logs)
 * @param persistent whether MongoDB keeps its data in a file (local stack) or in memory (tests)
 * @param extraArguments more arguments for a module's start, e.g. a benchmark client's rate limit
 */
public record StackConfig(Path projectDir, Path workDir, Path dataDir, StackPorts ports, boolean persistent,
        Map<String, List<String>> extraArguments) {
    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "motcua";

    public static StackConfig local(Path projectDir) {
        Path work = projectDir.resolve(".motcua");
        return new StackConfig(projectDir, work, work.resolve("data"), StackPorts.standard(), true, Map.of());
    }

    public static StackConfig forTests(Path projectDir, Path dataDir) {
        return new StackConfig(projectDir, projectDir.resolve(".motcua"), dataDir, StackPorts.free(), false, Map.of());
    }

    /** Like the local stack (data kept in files, so it can restart with it) on free ports. */
    public static StackConfig forBenchmark(Path projectDir, Path dataDir) {
        return new StackConfig(projectDir, projectDir.resolve(".motcua"), dataDir, StackPorts.free(), true, Map.of());
    }

    public StackConfig withArguments(String module, List<String> arguments) {
        Map<String, List<String>> all = new HashMap<>(extraArguments);
        all.put(module, List.copyOf(arguments));
        return new StackConfig(projectDir, workDir, dataDir, ports, persistent, Map.copyOf(all));
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path keycloakHome() {
        return workDir.resolve("keycloak-" + KEYCLOAK_VERSION);
    }

    public Path serviceJar(String module) {
        return projectDir.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    public String issuer() {
        return "http://127.0.0.1:" + ports.keycloak() + "/realms/" + REALM;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.mongo();
    }

    public String paymentProviderUrl() {
        return "http://127.0.0.1:" + ports.paymentProvider();
    }

    /** The hash secret the payment service shares with the provider simulator. */
    public String paymentProviderSecret() {
        return localSecret("payment-provider-hash-secret");
    }

    /** The SMS gateway account's secret: its Basic credentials and the key of its signed delivery reports. */
    public String smsGatewaySecret() {
        return localSecret("sms-gateway-secret");
    }

    /** The Zalo official account's access token (sent with each message). */
    public String zaloAccessToken() {
        return localSecret("zalo-access-token");
    }

    /** The Zalo official account's secret key (its webhooks' signatures). */
    public String zaloOaSecret() {
        return localSecret("zalo-oa-secret");
    }

    /**
     * A secret the platform shares with a simulator: this machine's own, made at random on first use
     * and kept in the work directory (never in the code or the repository).
     */
    private String localSecret(String name) {
        Path file = workDir.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(workDir);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local secret " + name + " in " + file, e);
        }
    }

    /** The classpath of this launcher (target/lib), which also holds the Kafka broker. */
    public String launcherClasspath() {
        Path target = projectDir.resolve("local-stack").resolve("target");
        return target.resolve("local-stack-" + VERSION + ".jar") + File.pathSeparator + target.resolve("lib") + "/*";
    }
}
