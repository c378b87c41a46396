package vn.motcua.simulators.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A small HTTP server on the JDK's, with the reading and answering every simulator needs. */
final class Http implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Http.class);
    private final HttpServer server;

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    Http(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 500);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        route("GET", "/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
    }

    void start() {
        server.start();
    }

    /** @param method the method the path answers to, or null for any (the handler decides) */
    void route(String method, String path, Handler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                if (method != null && !method.equals(exchange.getRequestMethod())) {
                    answer(exchange, 405, "{\"error\":\"method not allowed\"}");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
                answer(exchange, 400, "{\"error\":\"bad request\"}");
            }
        });
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
