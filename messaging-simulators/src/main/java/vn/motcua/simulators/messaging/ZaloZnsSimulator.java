package vn.motcua.simulators.messaging;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A Zalo Notification Service (ZNS) as its own process. {@code POST /message/template} with the
 * {@code access_token} header takes {@code {phone, template_id, template_data, tracking_id}} and
 * answers as ZNS does, HTTP 200 with {@code error} 0 and {@code data.msg_id}, or a negative error:
 * -124 wrong access token, -108 bad phone number, -111 no template data, -112 a parameter empty,
 * not a text or longer than any parameter type takes (200 characters by default), -118 the number
 * has no Zalo account, -131 the template is not approved, -144 the official account's daily quota
 * is used up. A repeated {@code tracking_id} gets the first
 * message's id. The {@code user_received_message} webhook goes to the customer signed in
 * {@code X-ZEvent-Signature}.
 *
 * <pre>--port=8192 --app-id=… --webhook-url=… --approved-templates=id,id (or *) --daily-quota=100000 --receipt-delay-ms=200
 * --max-parameter-length=200
 * (secrets: ZALO_ACCESS_TOKEN, ZALO_OA_SECRET)</pre>
 */
public final class ZaloZnsSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ZaloZnsSimulator.class);

    private final Http http;
    private final Callbacks webhooks;
    private final Ledger ledger = new Ledger("");
    private final String accessToken;
    private final String appId;
    private final String secret;
    private final Set<String> approvedTemplates;
    private final int dailyQuota;
    private final AtomicInteger used = new AtomicInteger();
    private final Duration receiptDelay;
    private final int maxParameterLength;

    ZaloZnsSimulator(Arguments args) throws IOException {
        accessToken = args.secret("access-token", "ZALO_ACCESS_TOKEN");
        secret = args.secret("oa-secret", "ZALO_OA_SECRET");
        appId = args.text("app-id", "1234567890");
        approvedTemplates = Set.of(args.text("approved-templates", "").split(","));
        dailyQuota = args.number("daily-quota", 100_000);
        receiptDelay = args.millis("receipt-delay-ms", 200);
        maxParameterLength = args.number("max-parameter-length", 200);
        webhooks = new Callbacks(args.required("webhook-url"));
        http = new Http(args.text("host", "127.0.0.1"), args.number("port", 8192));
        http.route("POST", "/message/template", this::send);
        ledger.routeDesk(http);
        http.start();
        log.info("Zalo ZNS simulator for app {} on port {}, {} approved templates", appId, args.number("port", 8192),
                approvedTemplates.size());
    }

    public static void main(String[] args) throws IOException {
        ZaloZnsSimulator simulator = new ZaloZnsSimulator(new Arguments(System.getenv(), args));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!accessToken.equals(exchange.getRequestHeaders().getFirst("access_token"))) {
            error(exchange, -124, "Access token is invalid");
            return;
        }
        JsonNode request = Ledger.JSON.readTree(Http.body(exchange));
        String phone = request.path("phone").asString("");
        String templateId = request.path("template_id").asString("");
        String trackingId = request.path("tracking_id").asString("");
        if (!phone.matches("84\\d{9,10}")) {
            error(exchange, -108, "Phone number is invalid");
            return;
        }
        if (!approvedTemplates.contains(templateId) && !approvedTemplates.contains("*")) {
            error(exchange, -131, "Template is not approved or does not exist");
            return;
        }
        if (trackingId.isBlank() || !request.path("template_data").isObject()) {
            error(exchange, -100, "tracking_id and template_data are required");
            return;
        }
        if (request.path("template_data").isEmpty()) {
            error(exchange, -111, "Template data is empty");
            return;
        }
        if (!filledIn(request.path("template_data"))) {
            error(exchange, -112, "Template data is invalid");
            return;
        }
        String tooLong = longerThan(request.path("template_data"), maxParameterLength);
        if (tooLong != null) {
            error(exchange, -112, "Template data is invalid: " + tooLong + " is longer than " + maxParameterLength + " characters");
            return;
        }
        Handset handset = ledger.handset(phone);
        if (handset.failsNow()) {
            Http.answer(exchange, 503, "{\"error\":-32,\"message\":\"Service is temporarily unavailable\"}");
            return;
        }
        if (!handset.hasZalo) {
            error(exchange, -118, "Zalo account does not exist or is disabled");
            return;
        }
        if (used.get() >= dailyQuota) {
            error(exchange, -144, "Official account has exceeded the daily quota");
            return;
        }
        Ledger.Accepted accepted = ledger.accept(trackingId, phone, templateId + " " + request.path("template_data"), messageId -> {
            used.incrementAndGet();
            receipt(messageId, trackingId, phone, handset.fate);
        });
        Http.answer(exchange, 200, "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"" + accepted.messageId()
                + "\",\"sent_time\":\"" + accepted.acceptedAt().toEpochMilli() + "\",\"quota\":{\"dailyQuota\":\"" + dailyQuota
                + "\",\"remainingQuota\":\"" + Math.max(0, dailyQuota - used.get()) + "\"}}}");
    }

    /** Each parameter a text or a number, none empty: a template cannot show a blank where a value belongs. */
    private static boolean filledIn(JsonNode templateData) {
        return templateData.valueStream().allMatch(value -> (value.isString() || value.isNumber()) && !value.asString().isBlank());
    }

    /** The first parameter whose value is longer than the template takes, or null. */
    private static String longerThan(JsonNode templateData, int length) {
        return templateData.propertyStream().filter(p -> {
            String value = p.getValue().asString();
            return value.codePointCount(0, value.length()) > length;
        }).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static void error(HttpExchange exchange, int code, String message) throws IOException {
        Http.answer(exchange, 200, "{\"error\":" + code + ",\"message\":\"" + message + "\"}");
    }

    /** ZNS reports only messages the user received; one never received sends no webhook at all. */
    private void receipt(String messageId, String trackingId, String phone, Handset.Fate fate) {
        if (fate != Handset.Fate.DELIVERED) {
            return;
        }
        String timestamp = Long.toString(Instant.now().toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("app_id", appId);
        event.put("event_name", "user_received_message");
        event.put("timestamp", timestamp);
        event.put("recipient", Map.of("phone", phone));
        event.put("message", Map.of("msg_id", messageId, "tracking_id", trackingId, "delivery_time", timestamp));
        String body = Ledger.JSON.writeValueAsString(event);
        webhooks.post(body, Map.of("X-ZEvent-Signature", Signatures.zaloMac(appId, body, timestamp, secret)), receiptDelay);
    }

    @Override
    public void close() {
        http.close();
        webhooks.close();
    }
}
