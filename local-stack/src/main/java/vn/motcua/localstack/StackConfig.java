package vn.motcua.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
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
 * @param storage where the MongoDB wire server runs and keeps its data
 * @param extraArguments more arguments for a module's start, e.g. a benchmark client's rate limit
 * @param instances how many instances of each domain service run (1, or 2 behind the one gateway)
 * @param externalMongo the URI of a MongoDB server the stack uses instead of its wire server, or null
 */
public record StackConfig(Path projectDir, Path workDir, Path dataDir, StackPorts ports, Storage storage,
        Map<String, List<String>> extraArguments, int instances, String externalMongo) {
    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "motcua";
    /** A portal's front end under development on this machine, whose pages may call the API (ADR 0044). */
    public static final String LOCAL_PORTAL_ORIGIN = "http://localhost:3000";

    /** Where the MongoDB wire server keeps its data, and in which process. */
    public enum Storage {
        /** In this JVM, in memory: the system tests' stack, gone when it stops. */
        MEMORY,
        /** In this JVM, in a file: the local stack and the benchmarks, which count its writes. */
        FILE,
        /**
         * In a process of its own, in a file written through at every write: the fault harness kills
         * it and starts it again, as it does every other component.
         */
        OWN_PROCESS,
        /** A MongoDB server the stack did not start (a replica set, for the benchmarks where one exists). */
        EXTERNAL
    }

    public static StackConfig local(Path projectDir) {
        Path work = projectDir.resolve(".motcua");
        return new StackConfig(projectDir, work, work.resolve("data"), StackPorts.standard(), Storage.FILE, Map.of(), 1, null);
    }

    public static StackConfig forTests(Path projectDir, Path dataDir) {
        return new StackConfig(projectDir, projectDir.resolve(".motcua"), dataDir, StackPorts.free(), Storage.MEMORY, Map.of(), 1, null);
    }

    /** Like the local stack (data kept in files, so it can restart with it) on free ports. */
    public static StackConfig forBenchmark(Path projectDir, Path dataDir) {
        return new StackConfig(projectDir, projectDir.resolve(".motcua"), dataDir, StackPorts.free(), Storage.FILE, Map.of(), 1, null);
    }

    /** On free ports, the wire server in a process of its own, so that every component can be killed and restarted. */
    public static StackConfig forFaults(Path projectDir, Path dataDir) {
        return new StackConfig(projectDir, projectDir.resolve(".motcua"), dataDir, StackPorts.free(), Storage.OWN_PROCESS, Map.of(), 1, null);
    }

    /** More arguments for a module, after those given before (a later one wins over an earlier of the same name). */
    public StackConfig withArguments(String module, List<String> arguments) {
        Map<String, List<String>> all = new HashMap<>(extraArguments);
        List<String> joined = new ArrayList<>(all.getOrDefault(module, List.of()));
        joined.addAll(arguments);
        all.put(module, List.copyOf(joined));
        return new StackConfig(projectDir, workDir, dataDir, ports, storage, Map.copyOf(all), instances, externalMongo);
    }

    /** Every domain service run this many times (1 or 2), the gateway balancing between the instances. */
    public StackConfig withInstances(int count) {
        if (count < 1 || count > 2) {
            throw new IllegalArgumentException("A stack runs each service once or twice, not " + count + " times");
        }
        return new StackConfig(projectDir, workDir, dataDir, ports, storage, extraArguments, count, externalMongo);
    }

    /**
     * The stack on a MongoDB server of the caller's (its URI names no database: each service keeps its
     * own), instead of the wire server it would start: the benchmarks' run against the real storage.
     */
    public StackConfig withExternalMongo(String uri) {
        if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("A MongoDB connection string starts with mongodb:// or mongodb+srv://, not " + uri);
        }
        return new StackConfig(projectDir, workDir, dataDir, ports, Storage.EXTERNAL, extraArguments, instances, uri);
    }

    /**
     * No quiet hours for messages to phones: a stack whose tests or figures must not depend on the hour
     * they run at (the platform's quiet hours hold SMS and Zalo from 21:00 to 07:00 in Hà Nội, which
     * would turn a check that a message went into a wait until morning). The notification service's
     * own tests cover quiet hours with a clock they set.
     */
    public StackConfig withoutQuietHours() {
        Path rules = dataDir.resolve("quiet-hours-none.json");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(rules, """
                    {"note": "Written by the local stack for a test or benchmark stack: no window, messages to phones go at any hour.",
                     "windows": []}
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + rules, e);
        }
        return withArguments("notification-service", List.of("--motcua.notification.quiet-hours-rules=file:" + rules));
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
        return storage == Storage.EXTERNAL ? externalMongo : "mongodb://127.0.0.1:" + ports.mongo();
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
