package vn.motcua.testinfra;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another running instance of a service on the test infrastructure's broker and database, as a
 * second replica (or a benchmark's service) runs: a free port, no Keycloak, quiet logs.
 */
public final class ServiceInstance {
    private ServiceInstance() {
    }

    /** @param extraArgs further {@code --name=value} arguments, e.g. another database */
    public static ConfigurableApplicationContext start(Class<?> application, String... extraArgs) {
        return startOnPort(application, 0, extraArgs);
    }

    /** With beans of the caller's registered before the context refreshes, e.g. a benchmark's probe. */
    public static ConfigurableApplicationContext start(Class<?> application,
            ApplicationContextInitializer<ConfigurableApplicationContext> before, String... extraArgs) {
        return new SpringApplicationBuilder(application).initializers(before).run(arguments(0, extraArgs));
    }

    /** On a port chosen beforehand, for a simulator that calls the instance back. */
    public static ConfigurableApplicationContext startOnPort(Class<?> application, int port, String... extraArgs) {
        return new SpringApplicationBuilder(application).run(arguments(port, extraArgs));
    }

    private static String[] arguments(int port, String... extraArgs) {
        Infrastructure infrastructure = TestInfrastructure.get();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--motcua.security.issuer=http://127.0.0.1:1/realms/motcua-test", "--logging.level.root=WARN"));
        args.addAll(List.of(extraArgs));
        return args.toArray(String[]::new);
    }
}
