package vn.motcua.testinfra;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the infrastructure once per test JVM: containers of the real images when a Docker
 * engine answers, else the servers that run inside the JVM. {@code MOTCUA_TEST_INFRA=local}
 * or {@code containers} forces the choice.
 */
public final class TestInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Infrastructure current;

    private TestInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (current == null) {
            current = useContainers() ? ContainerInfrastructure.start() : LocalInfrastructure.start();
            log.info("Tests run on {} infrastructure", current.name());
        }
        return current;
    }

    private static boolean useContainers() {
        String forced = System.getenv().getOrDefault("MOTCUA_TEST_INFRA", "").toLowerCase(Locale.ROOT);
        if (forced.equals("local")) {
            return false;
        }
        if (forced.equals("containers")) {
            return true;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }
}
