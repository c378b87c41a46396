package vn.motcua.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of a stack. {@link #standard()} are the documented ones; {@link #free()} picks
 * unused ones so a test stack can run beside a developer's.
 */
public record StackPorts(int gateway, Map<String, Integer> services, int keycloak, int kafka, int kafkaController,
        int mongo, int smtp) {

    public static final String[] SERVICES = {"dossier", "appointment", "payment", "postal", "notification"};

    public static StackPorts standard() {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.length; i++) {
            services.put(SERVICES[i], 8081 + i);
        }
        return new StackPorts(8080, services, 8180, 9092, 9093, 27017, 3025);
    }

    public static StackPorts free() {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            services.put(service, freePort());
        }
        return new StackPorts(freePort(), services, freePort(), freePort(), freePort(), freePort(), freePort());
    }

    public int service(String name) {
        return services.get(name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
