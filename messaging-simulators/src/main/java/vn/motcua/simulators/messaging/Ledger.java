package vn.motcua.simulators.messaging;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages a provider accepted, one per client reference (a repeated send with the same
 * reference gets the first one's id back: the provider never sends it twice), and the test desk:
 * {@code POST /simulator/phones/{phone}?transient-failures=N&zalo=none&fate=undelivered|silent}
 * sets how a number behaves, {@code DELETE} resets it, {@code GET /simulator/messages?phone=}
 * lists what was accepted for it.
 */
final class Ledger {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One accepted message: its id, the customer's reference, the number and what it said. */
    record Accepted(String messageId, String clientRef, String phone, String content, Instant acceptedAt) {
    }

    private final String idPrefix;
    private final AtomicLong sequence = new AtomicLong(1_000_000);
    private final ConcurrentMap<String, Accepted> byReference = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Handset> handsets = new ConcurrentHashMap<>();

    Ledger(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    Handset handset(String phone) {
        return handsets.computeIfAbsent(phone, p -> new Handset());
    }

    /** @return the message accepted for this reference, new or (for a repeated send) the first one */
    Accepted accept(String clientRef, String phone, String content, Consumer<String> onNew) {
        boolean[] fresh = {false};
        Accepted accepted = byReference.computeIfAbsent(clientRef, ref -> {
            fresh[0] = true;
            return new Accepted(idPrefix + sequence.incrementAndGet(), ref, phone, content, Instant.now());
        });
        if (fresh[0]) {
            onNew.accept(accepted.messageId());
        }
        return accepted;
    }

    void routeDesk(Http http) {
        http.route(null, "/simulator/phones/", this::phones);
        http.route("GET", "/simulator/messages", this::messages);
    }

    private void phones(HttpExchange exchange) throws IOException {
        String phone = exchange.getRequestURI().getPath().substring("/simulator/phones/".length());
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                Map<String, String> q = Http.query(exchange);
                Handset handset = handset(phone);
                handset.transientFailures.set(Integer.parseInt(q.getOrDefault("transient-failures", "0")));
                handset.hasZalo = !"none".equals(q.get("zalo"));
                handset.fate = Handset.Fate.valueOf(q.getOrDefault("fate", "delivered").toUpperCase());
                Http.answer(exchange, 200, "{}");
            }
            case "DELETE" -> {
                handsets.remove(phone);
                Http.answer(exchange, 200, "{}");
            }
            default -> Http.answer(exchange, 405, "{\"error\":\"method not allowed\"}");
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        String phone = Http.query(exchange).get("phone");
        List<Accepted> found = byReference.values().stream()
                .filter(m -> phone == null || phone.equals(m.phone()))
                .sorted((a, b) -> a.acceptedAt().compareTo(b.acceptedAt()))
                .toList();
        Http.answer(exchange, 200, JSON.writeValueAsString(found));
    }
}
