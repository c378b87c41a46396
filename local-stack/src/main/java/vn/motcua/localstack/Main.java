package vn.motcua.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up}: starts the platform and keeps it running until Ctrl-C. {@code demo}: starts it,
 * runs the walk-through, stops it, and exits non-zero if a step failed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "up";
        Path project = Path.of(System.getProperty("motcua.project.dir", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.local(project);
        System.out.println("Starting Một Cửa: Kafka, MongoDB wire server, Keycloak, SMTP and six services...");
        System.out.println("(logs in " + config.logDir() + ")");
        LocalStack stack = LocalStack.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Một Cửa...");
            stack.close();
            System.out.println("Stopped; data kept in " + config.dataDir());
            stopped.countDown();
        }, "motcua-stop"));
        printReady(stack);
        if (mode.equals("demo")) {
            boolean passed = new Demo(config, System.out).run();
            System.exit(passed ? 0 : 1);
        }
        stopped.await();
    }

    private static void printReady(LocalStack stack) {
        StackConfig c = stack.config();
        StackPorts p = c.ports();
        System.out.printf("""

                Một Cửa is ready in %.1f s, using %d MiB of memory (all processes).
                  Gateway (all APIs)   %s/api/v1/...
                  Swagger UI           %s/swagger-ui.html
                  Keycloak             http://127.0.0.1:%d  (realm motcua; admin console: admin / admin)
                  Kafka                127.0.0.1:%d
                  MongoDB wire server  127.0.0.1:%d
                  SMTP (GreenMail)     127.0.0.1:%d
                  Services             dossier %d, appointment %d, payment %d, postal %d, notification %d

                Demo users (password: demo): citizen1, citizen2, officer1 (000.10.20.30.H29), officer2 (000.00.01.H29),
                  specialist1, leader1, postal1, ops1 — tokens from client motcua-demo (password grant).
                Portal client: portal-hanoi / portal-hanoi-local-secret (client credentials).
                Press Ctrl-C to stop; data stays in %s.
                """, stack.startedIn().toMillis() / 1000.0, stack.memoryMiB(), c.gatewayUrl(), c.gatewayUrl(),
                p.keycloak(), p.kafka(), p.mongo(), p.smtp(), p.service("dossier"), p.service("appointment"),
                p.service("payment"), p.service("postal"), p.service("notification"), c.dataDir());
    }
}
