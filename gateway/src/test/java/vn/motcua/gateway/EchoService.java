package vn.motcua.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * A stand-in for the services behind the gateway: answers every method and path with 200 and
 * what it received (path, correlation id, cookie, the body's length and checksum), and {@code /api/v1/public/busy} with 503. The real services are exercised by the system tests.
 */
public final class EchoService {
    /** How many calls the busy path has answered, over every stand-in of the test JVM. */
    public static final AtomicInteger BUSY_ANSWERS = new AtomicInteger();

    private EchoService() {
    }

    public static HttpServer start() {
        return startAnsweringAfter(Duration.ZERO);
    }

    /** A stand-in that waits this long before each answer, like a service under too much load. */
    public static HttpServer startAnsweringAfter(Duration delay) {
        return start(0, delay);
    }

    /** A stand-in on a given port (0: any free one); its answers name the port, to tell instances apart. */
    public static HttpServer start(int port, Duration delay) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/actuator/health/readiness", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            // A service too busy for this call: it says when to come back, and sets a cookie meant for this caller only.
            server.createContext("/api/v1/public/busy", exchange -> {
                BUSY_ANSWERS.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.getResponseHeaders().add("Set-Cookie", "caller=first; Path=/");
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                byte[] received = exchange.getRequestBody().readAllBytes();
                String body = ("{\"path\": \"%s\", \"correlationId\": \"%s\", \"port\": %d, \"cookie\": %s, \"received\": %d,"
                        + " \"receivedCrc\": %d}").formatted(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-Correlation-Id"), exchange.getLocalAddress().getPort(),
                        cookie == null ? "null" : "\"" + cookie + "\"", received.length, crcOf(received));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                // As every service of the kit does: the proxy's copy of it must not make a second one.
                String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
                if (correlationId != null) {
                    exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
                }
                // A reused keep-alive connection that the JDK server has just closed came back as an empty answer now and then.
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checksum of a body, to tell that what arrived is what was sent. */
    public static long crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
