package vn.motcua.simulators.messaging;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A brand-name SMS gateway as its own process. {@code POST /api/v2/sms/send} with HTTP Basic
 * (account and secret) takes {@code {brandName, phone, message, clientRef}} and answers
 * {@code {code: "00", messageId}}; a repeated {@code clientRef} gets the first message's id (sent
 * once). Refusals that will never succeed answer 4xx with a code ({@code INVALID_PHONE},
 * {@code BRANDNAME_NOT_REGISTERED}, {@code INVALID_MESSAGE}); a busy gateway answers 503
 * {@code BUSY}. The delivery report goes to the customer's URL as JSON signed in
 * {@code X-Signature} (hex HMAC-SHA256 of the body under the secret).
 *
 * <pre>--port=8191 --account=motcua --brand-name=MOTCUA --dlr-url=… --dlr-delay-ms=200 (secret: SMS_GATEWAY_SECRET)</pre>
 */
public final class SmsGatewaySimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsGatewaySimulator.class);
    static final String SECRET_VARIABLE = "SMS_GATEWAY_SECRET";

    private final Http http;
    private final Callbacks reports;
    private final Ledger ledger = new Ledger("SMS");
    private final String expectedAuthorization;
    private final String brandName;
    private final String secret;
    private final Duration reportDelay;

    SmsGatewaySimulator(Arguments args) throws IOException {
        String account = args.text("account", "motcua");
        secret = args.secret("secret", SECRET_VARIABLE);
        expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((account + ":" + secret).getBytes(StandardCharsets.UTF_8));
        brandName = args.text("brand-name", "MOTCUA");
        reportDelay = args.millis("dlr-delay-ms", 200);
        reports = new Callbacks(args.required("dlr-url"));
        http = new Http(args.text("host", "127.0.0.1"), args.number("port", 8191));
        http.route("POST", "/api/v2/sms/send", this::send);
        ledger.routeDesk(http);
        http.start();
        log.info("SMS gateway simulator for brand name {} on port {}", brandName, args.number("port", 8191));
    }

    public static void main(String[] args) throws IOException {
        SmsGatewaySimulator simulator = new SmsGatewaySimulator(new Arguments(System.getenv(), args));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Http.answer(exchange, 401, "{\"code\":\"AUTH_FAILED\",\"message\":\"account or secret is wrong\"}");
            return;
        }
        JsonNode request = Ledger.JSON.readTree(Http.body(exchange));
        String phone = request.path("phone").asString("");
        String message = request.path("message").asString("");
        String clientRef = request.path("clientRef").asString("");
        if (!brandName.equals(request.path("brandName").asString(""))) {
            Http.answer(exchange, 422, "{\"code\":\"BRANDNAME_NOT_REGISTERED\",\"message\":\"the brand name is not registered to this account\"}");
            return;
        }
        if (!phone.matches("84\\d{9,10}")) {
            Http.answer(exchange, 422, "{\"code\":\"INVALID_PHONE\",\"message\":\"phone numbers are 84 followed by 9 or 10 digits\"}");
            return;
        }
        if (message.isBlank() || message.length() > 1_000 || clientRef.isBlank()) {
            Http.answer(exchange, 422, "{\"code\":\"INVALID_MESSAGE\",\"message\":\"message and clientRef are required\"}");
            return;
        }
        Handset handset = ledger.handset(phone);
        if (handset.failsNow()) {
            Http.answer(exchange, 503, "{\"code\":\"BUSY\",\"message\":\"the operator's link is busy, try again\"}");
            return;
        }
        Ledger.Accepted accepted = ledger.accept(clientRef, phone, message, messageId -> report(messageId, clientRef, phone, handset.fate));
        Http.answer(exchange, 200, "{\"code\":\"00\",\"messageId\":\"" + accepted.messageId() + "\"}");
    }

    private void report(String messageId, String clientRef, String phone, Handset.Fate fate) {
        if (fate == Handset.Fate.SILENT) {
            return;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("messageId", messageId);
        report.put("clientRef", clientRef);
        report.put("phone", phone);
        report.put("status", fate == Handset.Fate.DELIVERED ? "DELIVERED" : "UNDELIVERED");
        report.put("errorCode", fate == Handset.Fate.DELIVERED ? null : "SUBSCRIBER_UNREACHABLE");
        report.put("doneAt", Instant.now().toString());
        String body = Ledger.JSON.writeValueAsString(report);
        reports.post(body, Map.of("X-Signature", Signatures.hmacSha256(secret, body)), reportDelay);
    }

    @Override
    public void close() {
        http.close();
        reports.close();
    }
}
