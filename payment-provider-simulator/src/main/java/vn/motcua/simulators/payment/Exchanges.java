package vn.motcua.simulators.payment;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading requests and writing answers on the JDK's HTTP server. */
final class Exchanges {
    private Exchanges() {
    }

    static Map<String, String> query(HttpExchange exchange) {
        return Checksum.parseQuery(exchange.getRequestURI().getRawQuery());
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }

    static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
