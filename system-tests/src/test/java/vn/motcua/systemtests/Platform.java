package vn.motcua.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.LocalStack;
import vn.motcua.localstack.StackConfig;
import vn.motcua.localstack.WorkFiles;

/**
 * Starts the whole platform once for every system test (on free ports, MongoDB in memory) and
 * stops it when the test run ends. Test classes use it with {@code @ExtendWith(Platform.class)}.
 */
public final class Platform implements BeforeAllCallback {
    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (Platform.class) {
            if (stack == null) {
                Path project = Path.of(System.getProperty("motcua.project.dir", "..")).toAbsolutePath().normalize();
                // Inside the project's git-ignored work folder; kept after the run for its logs.
                Path data = project.resolve(".motcua").resolve("system-tests");
                WorkFiles.deleteRecursively(data);
                Files.createDirectories(data);
                // The operator's simulator walks a shipment a stage every 300 ms, so a result reaches the door in seconds.
                LocalStack started = LocalStack.start(StackConfig.forTests(project, data)
                        .withArguments("postal-operator-simulator", List.of("--step-delay-ms=300"))
                        // The tests expect Zalo and SMS messages at once at any hour CI runs them (quiet hours: notification-service's tests).
                        .withoutQuietHours());
                System.out.printf("System-test stack ready in %.1f s, %d MiB%n", started.startedIn().toMillis() / 1000.0,
                        started.memoryMiB());
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Platform.class, new Stopper(started));
                stack = started;
            }
        }
    }

    static LocalStack stack() {
        return stack;
    }

    static GatewayClient client() {
        return new GatewayClient(stack.config(), DocumentedAnswers.of(stack.config())::check);
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test class. */
    private record Stopper(LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            System.out.printf("%d answers through the gateway were as their API documents say%n",
                    DocumentedAnswers.checked());
            stack.close();
        }
    }
}
