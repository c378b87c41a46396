package vn.motcua.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports of a stack. {@link #standard()} are the documented ones; {@link #free()} picks
 * unused ones so a test stack can run beside a developer's.
 *
 * @param kafkaOperators the broker's listener for outside operators (SASL/OAUTHBEARER with their realm client, ACLs)
 * @param paymentProvider the payment provider simulator (its payer pages and merchant API)
 * @param smsGateway the brand-name SMS gateway simulator
 * @param zalo the Zalo notification service simulator
 * @param secondInstances each service's second instance, when a stack runs every service twice
 */
public record StackPorts(int gateway, Map<String, Integer> services, int keycloak, int kafka, int kafkaController,
        int mongo, int smtp, int kafkaOperators, int paymentProvider, int smsGateway, int zalo,
        Map<String, Integer> secondInstances) {

    public static final String[] SERVICES = {"dossier", "appointment", "payment", "postal", "notification"};
    private static final Random RANDOM = new SecureRandom();
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    public static StackPorts standard() {
        Map<String, Integer> services = new LinkedHashMap<>();
        Map<String, Integer> secondInstances = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.length; i++) {
            services.put(SERVICES[i], 8081 + i);
            secondInstances.put(SERVICES[i], 8086 + i);
        }
        return new StackPorts(8080, services, 8180, 9092, 9093, 27017, 3025, 9094, 8190, 8191, 8192, secondInstances);
    }

    public static StackPorts free() {
        Map<String, Integer> services = new LinkedHashMap<>();
        Map<String, Integer> secondInstances = new LinkedHashMap<>();
        for (String service : SERVICES) {
            services.put(service, freePort());
            secondInstances.put(service, freePort());
        }
        return new StackPorts(freePort(), services, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), secondInstances);
    }

    public int service(String name) {
        return services.get(name);
    }

    /**
     * A port free now and below Linux's default ephemeral range (32768 and up): a port the kernel
     * handed out with {@code bind(0)} comes from that range, and an outgoing connection made
     * before the server binds it (the stack makes many while it starts) can take it.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            if (TAKEN.add(candidate) && isFree(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }

    /** Whether a process of the stack accepts connections on this local port (it has started listening). */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
