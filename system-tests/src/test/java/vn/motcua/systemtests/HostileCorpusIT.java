package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.localstack.GatewayClient;

/**
 * Hostile requests from outside, through the gateway, to every route with every method: wrong
 * methods, hostile ids, operator injection and unknown fields in bodies, broken JSON, no token,
 * bodies far past the limits. Whatever refuses them, each answer is a 4xx problem+json; none is a
 * 5xx or a "retry later". The corpus grows with every endpoint.
 */
@ExtendWith(Platform.class)
class HostileCorpusIT {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> BODIES = List.of("{\"nationalStatus\": 10, \"$where\": \"sleep(100)\"}", "{",
            "[]", "{\"ownerCitizenId\": {\"$ne\": null}, \"_id\": \"x\"}");
    private static final List<String> HOSTILE_IDS = List.of("..%2f..%2fetc%2fpasswd", "%2e%2e%2f", "x%00y", "..;",
            "%7B%22%24ne%22%3Anull%7D", "a".repeat(10_000), "b".repeat(100_000), "%252e%252e", "'%20OR%201=1%20--");

    private final GatewayClient gateway = Platform.client();

    record Sent(String what, int status, String contentType) {
    }

    @AfterEach
    void leaveTheRateLimitsAsFound() throws InterruptedException {
        RateBuckets.refill(gateway);
    }

    @Test
    void everyHostileRequestGetsA4xxProblemAndNeverA5xx() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String ops = gateway.userToken("ops1");
        String code = gateway.post("/api/v1/dossiers", citizen, DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString()).json().get("code").asString();
        List<Sent> sent = new ArrayList<>();

        for (String path : routes(code)) {
            for (String method : METHODS) {
                String body = "GET".equals(method) || "DELETE".equals(method) ? null
                        : BODIES.get(Math.floorMod((path + method).hashCode(), BODIES.size()));
                sent.add(send(method, path, citizen, body));
            }
            sent.add(send("GET", path, null, null));
        }
        for (String id : HOSTILE_IDS) {
            sent.add(send("GET", "/api/v1/dossiers/" + id, citizen, null));
            sent.add(send("POST", "/api/v1/dossiers/" + id + "/reception", ops, "{}"));
            sent.add(send("GET", "/api/v1/procedures/" + id, citizen, null));
            sent.add(send("GET", "/api/v1/ops/payment-service/dead-letters/" + id, ops, null));
            sent.add(send("GET", "/api/v1/offices/" + id, citizen, null));
        }
        List<String> correctionBodies = new ArrayList<>(BODIES);
        correctionBodies.addAll(List.of("{\"value\": \"{not json\", \"reason\": \"x\"}", "{\"value\": {\"$ne\": null}, \"reason\": \"x\"}",
                "{\"value\": \"{}\", \"reason\": \"" + "r".repeat(5_000) + "\"}",
                "{\"value\": \"\\\"" + "v".repeat(70_000) + "\\\"\", \"reason\": \"x\"}", "{\"value\": \"{}\", \"reason\": null}"));
        for (String body : correctionBodies) {
            // As ops, so that the body is read: every one is refused, and an unknown letter is not found.
            sent.add(send("POST", "/api/v1/ops/payment-service/dead-letters/dossier.events-0@999999/correction", ops, body));
        }
        List<String> calendarBodies = new ArrayList<>(BODIES);
        calendarBodies.add("{\"daysOff\": [\"2098-02-30\"], \"workingWeekendDays\": [], \"source\": {\"document\": \"x\","
                + " \"date\": \"2026-01-01\"}}");
        calendarBodies.add("{\"daysOff\": [null], \"workingWeekendDays\": [\"2098-01-04\"], \"source\": {\"document\":"
                + " \"" + "x".repeat(5_000) + "\", \"date\": \"2026-01-01\"}}");
        for (String body : calendarBodies) {
            // As ops, so that the body is read: the calendar must refuse every one of them.
            sent.add(send("PUT", "/api/v1/calendar/2098", ops, body));
        }
        String officer = gateway.userToken("officer1");
        String leader = gateway.userToken("leader1");
        List<String> appointmentBodies = new ArrayList<>(BODIES);
        appointmentBodies.addAll(List.of("{\"onDuty\": [null, {\"officer\": {\"$ne\": 1}}]}",
                "{\"officeId\": \"TT-HUYEN\", \"date\": \"+999999999-12-31\", \"start\": \"24:00\", \"purpose\": \"HAND_IN\"}",
                "{\"officeId\": \"TT-HUYEN\", \"date\": \"2026-12-07\", \"start\": \"08:00\", \"purpose\": \"GUIDANCE\","
                        + " \"phone\": \"" + "9".repeat(5_000) + "\"}",
                "{\"officeId\": null, \"peopleInRoom\": -1, \"peopleWaiting\": 2147483647, \"validFrom\": \"2026-01-01\","
                        + " \"sourceDocument\": \"x\", \"sourceDate\": \"9999-01-01\"}",
                "{\"bookingCode\": \"" + "L".repeat(20_000) + "\", \"purpose\": \"PICNIC\"}"));
        for (String body : appointmentBodies) {
            // As the callers allowed to send each body, so that it is read.
            sent.add(send("POST", "/api/v1/bookings", citizen, body));
            sent.add(send("POST", "/api/v1/bookings", officer, body));
            sent.add(send("PUT", "/api/v1/offices/TT-HUYEN/rosters/2099-01-05", leader, body));
            sent.add(send("POST", "/api/v1/room-limits", ops, body));
            sent.add(send("POST", "/api/v1/offices/TT-HUYEN/check-ins", officer, body));
            sent.add(send("POST", "/api/v1/offices/TT-HUYEN/walk-ins", officer, body));
            sent.add(send("POST", "/api/v1/shipments/quote", citizen, body));
        }
        sent.add(send("POST", "/api/v1/shipments/quote", citizen, "{\"service\": \"RESULT_RETURN\", \"addressProvince\": \""
                + "Hà Nội".repeat(2_000) + "\", \"weightGrams\": 2147483647, \"agencyCode\": \"000.10.20.30.H29\","
                + " \"date\": \"+999999999-12-31\", \"cashOnDelivery\": 9223372036854775807}"));
        List<String> templateBodies = new ArrayList<>(BODIES);
        templateBodies.addAll(List.of("{\"title\": \"x\", \"body\": \"{dossier_code} {__proto__}\"}", "{\"title\": null, \"body\": \"x\"}",
                "{\"title\": \"" + "x".repeat(300) + "\", \"body\": \"y\"}", "{\"title\": \"x\", \"body\": \"y\", \"shortText\": \"\"}",
                "{\"values\": [\"a\"]}", "{\"title\": {\"$ne\": 1}, \"body\": \"y\"}"));
        for (String body : templateBodies) {
            // As ops, so that the body is read; none of them is a text that may be published.
            sent.add(send("POST", "/api/v1/notifications/templates/dossier-received/versions", ops, body));
            sent.add(send("POST", "/api/v1/notifications/templates/dossier-received/preview", ops, body));
        }
        for (String body : List.of("{\"channels\": [null]}", "{\"optOuts\": [null, 1]}", "{\"phone\": \"" + "9".repeat(10_000) + "\"}",
                "{\"email\": \"" + "a@b.cc".repeat(1_000) + "\"}", "{\"channels\": \"SMS\"}")) {
            sent.add(send("PUT", "/api/v1/notifications/preferences", citizen, body));
        }
        sent.add(send("GET", "/fallback/payment", citizen, null));
        sent.add(send("GET", "/fallback/dossier", null, null));
        // What follows is checked for its own 4xx: the hundreds of calls above must not have it refused for the rate.
        RateBuckets.waitForTheDemoClient(gateway, 25);
        sent.add(sendRaw("POST", "/api/v1/dossiers", citizen, "application/json", new byte[20 * 1024 * 1024]));
        sent.add(sendRaw("POST", "/api/v1/dossiers/" + code + "/documents", citizen,
                "multipart/form-data; boundary=x", new byte[20 * 1024 * 1024]));
        // A multipart body is read by every endpoint whose role rule the caller passes: a broken one reaches all of them.
        byte[] cutShort = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"
                .getBytes(StandardCharsets.ISO_8859_1);
        for (String path : List.of("/api/v1/dossiers/" + code + "/documents", "/api/v1/dossiers/" + code + "/withdrawal",
                "/api/v1/bookings", "/api/v1/shipments/quote", "/api/v1/payments/PAY-x/checkout", "/api/v1/feedback",
                "/api/v1/notifications/x/read", "/api/v1/room-limits")) {
            sent.add(sendRaw("POST", path, citizen, "multipart/form-data", cutShort));
            sent.add(sendRaw("POST", path, citizen, "multipart/form-data; boundary=zz", cutShort));
        }
        // The HTTP client will not send CONNECT; a hostile one will.
        sent.add(sendRaw("CONNECT", "/api/v1/dossiers", citizen, "application/json", new byte[0]));

        List<Sent> serverErrors = sent.stream().filter(s -> s.status() >= 500).toList();
        List<Sent> notProblems = sent.stream()
                .filter(s -> s.status() >= 400 && !s.contentType().startsWith("application/problem+json")).toList();
        System.out.printf("Hostile corpus: %d requests, %d refused with 4xx%n", sent.size(),
                sent.stream().filter(s -> s.status() >= 400 && s.status() < 500).count());
        assertThat(sent).hasSizeGreaterThanOrEqualTo(150);
        assertThat(serverErrors).as("answers that blame the server").isEmpty();
        assertThat(notProblems).as("errors that are not problem+json").isEmpty();
        assertThat(sent).filteredOn(s -> s.what().startsWith("POST /api/v1/dossiers ")
                        && s.what().contains("20971520")).extracting(Sent::status).containsExactly(413);
        List<Sent> brokenMultipart = sent.stream()
                .filter(s -> s.what().contains("multipart/form-data") && s.what().endsWith(" " + cutShort.length + " bytes")).toList();
        assertThat(brokenMultipart).hasSize(16);
        // Room limits are ops' alone: the citizen is refused before the body is read.
        assertThat(brokenMultipart).filteredOn(s -> s.what().contains("/room-limits")).extracting(Sent::status).containsOnly(403);
        assertThat(brokenMultipart).filteredOn(s -> !s.what().contains("/room-limits")).extracting(Sent::status).hasSize(14)
                .containsOnly(400);
    }

    /**
     * More unreadable requests than the breaker's window, each the caller's fault: every one gets its own
     * 4xx, and the service behind them stays open to everyone else. Counted as the service's failures,
     * a few of them opened its breaker and turned every citizen away with 503 for ten seconds.
     */
    @Test
    void aFloodOfUnreadableRequestsIsRefusedOneByOneAndLeavesTheServiceOpenToEveryoneElse() throws Exception {
        String citizen = gateway.userToken("citizen1");
        List<Integer> brokenChunks = new ArrayList<>();
        List<Integer> undecodableQueries = new ArrayList<>();
        List<Socket> stalledBodies = new ArrayList<>();
        RateBuckets.waitForTheDemoClient(gateway, 45);
        RateBuckets.waitForAnonymousCalls(gateway, 20);
        try {
            for (int i = 0; i < 12; i++) {
                // A body that says it is 100 bytes long and stops after one: Tomcat gives up after its connection timeout.
                stalledBodies.add(openRequest("POST /api/v1/feedback", citizen,
                        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
            }
            for (int i = 0; i < 15; i++) {
                try (Socket brokenChunk = openRequest("POST /api/v1/feedback", citizen,
                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")) {
                    brokenChunks.add(statusOf(brokenChunk));
                }
                undecodableQueries.add(gateway.send(HttpRequest.newBuilder(URI.create(Platform.stack().config().gatewayUrl()
                        + "/api/v1/public/procedures?name=%C3%28")).GET()).status());
            }
            List<Integer> stalled = new ArrayList<>();
            for (Socket socket : stalledBodies) {
                stalled.add(statusOf(socket));
            }

            assertThat(brokenChunks).containsOnly(400);
            assertThat(undecodableQueries).containsOnly(400);
            assertThat(stalled).containsOnly(408);
            assertThat(gateway.get("/api/v1/dossiers", citizen).status()).isEqualTo(200);
            assertThat(gateway.get("/api/v1/public/procedures?name=r%C6%B0%E1%BB%A3u", null).status()).isEqualTo(200);
        } finally {
            for (Socket socket : stalledBodies) {
                socket.close();
            }
        }
    }

    private Socket openRequest(String requestLine, String token, String rest) throws IOException {
        URI gatewayUrl = URI.create(Platform.stack().config().gatewayUrl());
        Socket socket = new Socket(gatewayUrl.getHost(), gatewayUrl.getPort());
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: " + gatewayUrl.getAuthority()
                + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n" + rest).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private static int statusOf(Socket socket) throws IOException {
        String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    /** Every route of the platform, with real ids where the path takes one. */
    private static List<String> routes(String code) {
        List<String> routes = new ArrayList<>(List.of("/api/v1/dossiers", "/api/v1/dossiers/" + code,
                "/api/v1/dossiers/paper?channel=IN_PERSON", "/api/v1/dossiers/" + code + "/documents",
                "/api/v1/dossiers/" + code + "/documents/doc-1", "/api/v1/dossiers/" + code + "/forms/01",
                "/api/v1/dossiers/" + code + "/forms/05.csv", "/api/v1/dossiers/" + code + "/forms/stop",
                "/api/v1/register?from=2026-11-01&to=2026-11-30", "/api/v1/feedback", "/api/v1/feedback/x/answer",
                "/api/v1/agencies/000.30.20.H29/succession", "/api/v1/register/export.csv?from=x&to=2026-11-30",
                "/api/v1/dossiers/" + code + "/history", "/api/v1/dossiers/" + code + "/history/verification",
                "/api/v1/procedures", "/api/v1/procedures/2.000018", "/api/v1/procedures/2.000018/versions/1",
                "/api/v1/agencies", "/api/v1/work-queue", "/api/v1/statistics?from=2026-11-01&to=2026-11-30",
                "/api/v1/statistics/export.csv?from=2026-11-01&to=2026-11-30",
                "/api/v1/public/dossier-status?code=" + code + "&idNumber=001090000001", "/api/v1/offices",
                "/api/v1/offices/TT-HUYEN", "/api/v1/payments?dossier=" + code, "/api/v1/shipments",
                "/api/v1/notifications", "/api/v1/notifications?page=-1&unread=perhaps", "/api/v1/notifications/preferences",
                "/api/v1/notifications/%00x", "/api/v1/notifications/x/read", "/api/v1/notifications/deliveries?day=x&status=LOST",
                "/api/v1/notifications/deliveries/summary?day=2026-02-30", "/api/v1/notifications/provider/sms-reports",
                "/api/v1/notifications/provider/zalo-events", "/api/v1/notifications/templates",
                "/api/v1/notifications/templates/dossier-received", "/api/v1/notifications/templates/%7Bx%7D/versions",
                "/api/v1/notifications/templates/dossier-received/versions", "/api/v1/notifications/templates/dossier-received/preview",
                "/api/v1/public/procedures?onlineLevel=99&urgent=perhaps",
                "/api/v1/public/procedures/2.000018", "/api/v1/public/agencies", "/api/v1/public/calendar", "/api/v1/public/calendar/2026",
                "/api/v1/calendar/2026", "/api/v1/calendar/2026/versions",
                "/api/v1/bookings", "/api/v1/bookings/LHAAAAAAAA", "/api/v1/bookings/LHAAAAAAAA/cancel",
                "/api/v1/bookings/LHAAAAAAAA/reschedule", "/api/v1/offices/TT-HUYEN/slots?date=2026-02-30",
                "/api/v1/offices/TT-HUYEN/rosters/2026-13-45", "/api/v1/offices/TT-HUYEN/bookings?date=x",
                "/api/v1/offices/TT-HUYEN/bookings-to-move", "/api/v1/offices/TT-HUYEN/check-ins",
                "/api/v1/offices/TT-HUYEN/walk-ins", "/api/v1/offices/TT-HUYEN/counters/Q4/call-next",
                "/api/v1/offices/TT-HUYEN/tickets/A999/served", "/api/v1/offices/TT-HUYEN/tickets/A999/no-show",
                "/api/v1/offices/TT-HUYEN/tickets/A999/left", "/api/v1/offices/TT-HUYEN/queue",
                "/api/v1/offices/TT-HUYEN/statistics?from=2026-11-01&until=x", "/api/v1/room-limits",
                "/api/v1/public/offices/TT-HUYEN/board", "/api/v1/public/offices/TT-HUYEN/screen",
                "/api/v1/shipments/quote", "/api/v1/shipments/RET-x/reports", "/api/v1/shipments/RET-x",
                "/api/v1/shipments/RET-x/address", "/api/v1/shipments/pickups", "/api/v1/shipments/RET-x/hand-delivery",
                "/api/v1/shipments/statistics?from=2026-13-01&to=x", "/api/v1/remittances",
                "/api/v1/dossiers/paper?channel=BY_POST&trackingNumber=RR%00%27VN", "/api/v1/payments/mine?status=PAID&size=-1",
                "/api/v1/payments/agency?page=x", "/api/v1/payments/PAY-x", "/api/v1/payments/PAY-x/checkout",
                "/api/v1/payments/PAY-x/refunds", "/api/v1/payments/PAY-x/receipt", "/api/v1/payments/statistics?from=x&to=2026-11-30",
                "/api/v1/payments/reconciliation/mismatches?day=2026-02-30", "/api/v1/payments/reconciliation/runs",
                "/api/v1/payments/provider/ipn?vnp_TxnRef=%00&vnp_Amount=-1&vnp_SecureHash=%27",
                "/api/v1/payments/provider/return?vnp_TxnRef=x&vnp_SecureHash=0",
                // A control character in a parameter's name: the firewall refuses it as the call is sent on.
                "/api/v1/procedures?na%00me=x", "/api/v1/payments/provider/ipn?vnp_%01TxnRef=x"));
        for (String step : List.of("reception", "refusal", "assignment", "supplement-request", "financial-obligation",
                "approval", "result", "return", "stop", "due-date-extension", "supplement", "withdrawal")) {
            routes.add("/api/v1/dossiers/" + code + "/" + step);
        }
        for (String service : List.of("dossier", "appointment", "payment", "postal", "notification")) {
            String base = "/api/v1/ops/" + service + "-service/dead-letters";
            routes.addAll(List.of(base, base + "/dossier.events-0@1", base + "/dossier.events-0@1/redrive",
                    base + "/dossier.events-0@1/correction", base + "/redrive"));
        }
        return routes;
    }

    private Sent send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.stack().config().gatewayUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        GatewayClient.Response response = gateway.send(request);
        return new Sent(method + " " + abbreviated(path) + (token == null ? " (no token)" : ""), response.status(),
                response.contentType());
    }

    /** Over a raw socket: what an HTTP client library will not send, such as a huge body it starts sending, or CONNECT. */
    private Sent sendRaw(String method, String path, String token, String contentType, byte[] body) throws IOException {
        URI gatewayUrl = URI.create(Platform.stack().config().gatewayUrl());
        try (Socket socket = new Socket(gatewayUrl.getHost(), gatewayUrl.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + gatewayUrl.getAuthority() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: " + contentType + "\r\nIdempotency-Key: " + UUID.randomUUID()
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int written = 0; written < body.length; written += 64 * 1024) {
                    out.write(body, written, Math.min(64 * 1024, body.length - written));
                }
            } catch (IOException refusedEarly) {
                // The gateway answered and closed before taking the whole body: read its answer.
            }
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            String type = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse("");
            return new Sent(method + " " + abbreviated(path) + " " + contentType + " " + body.length + " bytes",
                    Integer.parseInt(response.substring(9, 12)), type);
        }
    }

    private static String abbreviated(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "…(" + path.length() + ")" : path;
    }
}
