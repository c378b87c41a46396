package vn.motcua.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The six services, each a child JVM running its own jar with the stack's addresses. */
final class Services {
    static final List<String> MODULES = List.of("dossier-service", "appointment-service", "payment-service",
            "postal-service", "notification-service", "gateway");

    private Services() {
    }

    static ChildProcess start(StackConfig config, String module) {
        var jar = config.serviceJar(module);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first (./mvnw package -DskipTests)");
        }
        StackPorts ports = config.ports();
        List<String> command = new ArrayList<>(List.of(
                java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--server.port=" + port(ports, module),
                "--motcua.security.issuer=" + config.issuer(),
                "--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap(),
                "--spring.mongodb.uri=" + config.mongoUri(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + ports.smtp()));
        if (module.equals("gateway")) {
            for (String service : StackPorts.SERVICES) {
                command.add("--motcua.services." + service + "=http://127.0.0.1:" + ports.service(service));
            }
        }
        return ChildProcess.start(module, command, Map.of(), config.logDir());
    }

    static int port(StackPorts ports, String module) {
        return module.equals("gateway") ? ports.gateway() : ports.service(module.replace("-service", ""));
    }

    static String readinessUrl(StackConfig config, String module) {
        return "http://127.0.0.1:" + port(config.ports(), module) + "/actuator/health/readiness";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
