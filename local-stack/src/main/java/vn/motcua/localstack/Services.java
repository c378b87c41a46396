package vn.motcua.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six services, each a child JVM running its own jar with the stack's addresses. */
final class Services {
    static final List<String> MODULES = List.of("dossier-service", "appointment-service", "payment-service",
            "postal-service", "notification-service", "gateway");

    private Services() {
    }

    /**
     * One running copy of a module: the first keeps the module's name and port, a second is named
     * {@code <module>-2} and listens on the stack's second-instance port.
     */
    record Instance(String module, String name, int port) {
    }

    /** Every instance the stack runs, in start order: each domain service as often as configured, the gateway once. */
    static List<Instance> instances(StackConfig config) {
        List<Instance> instances = new ArrayList<>();
        for (String module : MODULES) {
            instances.add(new Instance(module, module, port(config.ports(), module)));
            if (!module.equals("gateway") && config.instances() == 2) {
                instances.add(new Instance(module, module + "-2", config.ports().secondInstances().get(service(module))));
            }
        }
        return List.copyOf(instances);
    }

    /**
     * The JVM a service runs on in the local stack: small heaps, Serial GC, and C1 only, which
     * with the class caches brings the stack to ready in about 40 s instead of 70 s at about a tenth
     * less burst throughput; production images keep the default tiered JIT (ADR 0010). A
     * benchmark of throughput sets {@code -Dmotcua.stack.jit=tiered} to measure production's JIT.
     */
    static List<String> jvm(String module) {
        List<String> jvm = new ArrayList<>(List.of(java(), "-Xms64m", heap(module), "-XX:+UseSerialGC"));
        if (!"tiered".equals(System.getProperty("motcua.stack.jit"))) {
            jvm.add("-XX:TieredStopAtLevel=1");
        }
        return List.copyOf(jvm);
    }

    /**
     * 256 MB, the gateway's 384 MB: its memory grows with the connections it holds from outside (up to
     * {@code server.tomcat.max-connections}), about 160 MB at worst on top of its working set, which a
     * 256 MB heap's old generation could not hold (ADR 0031).
     */
    private static String heap(String module) {
        return module.equals("gateway") ? "-Xmx384m" : "-Xmx256m";
    }

    /** The services' JVM flags as a benchmark prints them. */
    static String jvmFlags() {
        List<String> service = jvm("dossier-service");
        return String.join(" ", service.subList(1, service.size())) + " (the gateway " + heap("gateway") + ")";
    }

    /**
     * A JVM of the stack that runs out of heap leaves its evidence beside the logs (java_pid<pid>.hprof).
     * Not a flag of a class cache's training run, whose fingerprint it would change.
     */
    static List<String> heapDumps(StackConfig config) {
        return List.of("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + config.logDir());
    }

    /** The service's addresses in the stack, the same for its training start and its real one. */
    static List<String> arguments(StackConfig config, String module) {
        StackPorts ports = config.ports();
        List<String> arguments = new ArrayList<>(List.of(
                "--motcua.security.issuer=" + config.issuer(),
                "--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap(),
                "--spring.mongodb.uri=" + config.mongoUri(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + ports.smtp()));
        if (module.equals("payment-service")) {
            String provider = config.paymentProviderUrl();
            arguments.addAll(List.of("--motcua.payment.provider.payment-url=" + provider + "/paymentv2/vpcpay.html",
                    "--motcua.payment.provider.api-url=" + provider + "/merchant_webapi/api/transaction",
                    "--motcua.payment.provider.statement-url=" + provider + "/merchant_webapi/statement",
                    "--motcua.payment.provider.hash-secret=" + config.paymentProviderSecret(),
                    "--motcua.payment.provider.return-url=" + config.gatewayUrl() + "/api/v1/payments/provider/return"));
        }
        if (module.equals("dossier-service")) {
            // Its own service account in the local realm (view-users only), to know the agencies' specialists.
            arguments.addAll(List.of("--motcua.dossier.staff.keycloak-url=http://127.0.0.1:" + ports.keycloak(),
                    "--motcua.dossier.staff.client-secret=dossier-service-local-secret"));
        }
        if (module.equals("notification-service")) {
            arguments.addAll(List.of("--motcua.notification.channels.sms.url=http://127.0.0.1:" + ports.smsGateway(),
                    "--motcua.notification.channels.sms.secret=" + config.smsGatewaySecret(),
                    "--motcua.notification.channels.zalo.url=http://127.0.0.1:" + ports.zalo(),
                    "--motcua.notification.channels.zalo.access-token=" + config.zaloAccessToken(),
                    "--motcua.notification.channels.zalo.oa-secret=" + config.zaloOaSecret(),
                    // Its own service account in the local realm (view-users only); the secret is the realm file's, for this machine only.
                    "--motcua.notification.officers.keycloak-url=http://127.0.0.1:" + ports.keycloak(),
                    "--motcua.notification.officers.client-secret=notification-service-local-secret"));
        }
        if (module.equals("gateway")) {
            // Every instance the stack runs, so the gateway balances over exactly those.
            Map<String, List<String>> urls = new LinkedHashMap<>();
            for (Instance instance : instances(config)) {
                if (!instance.module().equals("gateway")) {
                    urls.computeIfAbsent(service(instance.module()), s -> new ArrayList<>()).add("http://127.0.0.1:" + instance.port());
                }
            }
            urls.forEach((service, list) -> arguments.add("--motcua.services." + service + "=" + String.join(",", list)));
            arguments.add("--motcua.gateway.cross-origin.allowed-origins=" + StackConfig.LOCAL_PORTAL_ORIGIN);
        }
        return arguments;
    }

    static StartupCache.Launch prepare(StackConfig config, String module) {
        if (!Files.exists(config.serviceJar(module))) {
            throw new IllegalStateException(config.serviceJar(module)
                    + " is missing; build first (./mvnw package -DskipTests)");
        }
        return StartupCache.prepare(config, module, jvm(module), arguments(config, module));
    }

    /** Starts one instance; both instances of a module share its class cache (read only). */
    static ChildProcess start(StackConfig config, Instance instance, StartupCache.Launch launch) {
        List<String> command = new ArrayList<>(jvm(instance.module()));
        command.addAll(heapDumps(config));
        command.addAll(launch.arguments());
        command.addAll(arguments(config, instance.module()));
        command.add("--server.port=" + instance.port());
        command.addAll(config.extraArguments().getOrDefault(instance.module(), List.of()));
        return ChildProcess.start(instance.name(), command, Map.of(), config.logDir());
    }

    static int port(StackPorts ports, String module) {
        return module.equals("gateway") ? ports.gateway() : ports.service(service(module));
    }

    private static String service(String module) {
        return module.replace("-service", "");
    }

    static String readinessUrl(Instance instance) {
        return "http://127.0.0.1:" + instance.port() + "/actuator/health/readiness";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
