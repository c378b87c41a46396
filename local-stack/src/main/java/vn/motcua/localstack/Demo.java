package vn.motcua.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The README's walk-through as real calls: a citizen takes a token, lists procedures, submits
 * a dossier, and sees its payment request and notifications arrive; then books a counter visit,
 * and the office's officer gives a walk-in a queue number and calls it.
 */
public final class Demo {
    static final String PROCEDURE = "2.000018";
    static final String AGENCY = "000.10.20.30.H29";
    static final String OFFICE = "TT-HUYEN";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final GatewayClient client;
    private final PrintStream out;
    private int step;

    public Demo(StackConfig config, PrintStream out) {
        this.client = new GatewayClient(config);
        this.out = out;
    }

    /** @return true when every step passed */
    public boolean run() {
        try {
            String token = step("Token for citizen1 from Keycloak", () -> client.userToken("citizen1"), t -> !t.isBlank(),
                    t -> "a JWT of " + t.length() + " characters");
            GatewayClient.Response procedures = step("GET /api/v1/procedures?name=rượu",
                    () -> client.get("/api/v1/procedures?name=r%C6%B0%E1%BB%A3u", token),
                    r -> r.status() == 200 && r.json().size() > 0,
                    r -> r.json().get(0).get("code").asString() + " " + r.json().get(0).get("name").asString());
            String body = """
                    {"procedureCode": "%s", "agencyCode": "%s", "resultDelivery": "POST",
                     "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "001090000001", "phone": "0912345678",
                                   "email": "citizen1@example.com", "address": "Số 5 phố Lê Lợi, thị trấn Thường Tín, Hà Nội"}}
                    """.formatted(procedures.json().get(0).get("code").asString(), AGENCY);
            GatewayClient.Response submitted = step("POST /api/v1/dossiers",
                    () -> client.post("/api/v1/dossiers", token, body, UUID.randomUUID().toString()),
                    r -> r.status() == 201, r -> "dossier " + r.json().get("code").asString() + ", status "
                            + r.json().get("nationalStatus").asInt() + " (" + r.json().get("status").asString() + ")");
            String code = submitted.json().get("code").asString();
            step("GET /api/v1/dossiers/" + code, () -> client.get("/api/v1/dossiers/" + code, token),
                    r -> r.status() == 200, r -> "procedure " + r.json().get("procedureName").asString());
            GatewayClient.Response orders = step("GET /api/v1/payments?dossier=" + code + " (waits for the payment request)",
                    () -> poll(() -> client.get("/api/v1/payments?dossier=" + code, token), r -> r.json().size() == 1),
                    r -> r.status() == 200 && r.json().size() == 1,
                    r -> r.json().get(0).get("amount").asLong() + " " + r.json().get(0).get("currency").asString()
                            + ", " + r.json().get(0).get("status").asString());
            payOnline(token, orders.json().get(0).get("id").asString());
            step("GET /api/v1/notifications (waits for the submission, the payment request, the payment's confirmation and the"
                    + " post's request to confirm the return address)",
                    () -> poll(() -> client.get("/api/v1/notifications", token), r -> count(r.json(), code) == 4),
                    r -> count(r.json(), code) == 4, r -> titles(r.json(), code));
            step("GET /api/v1/dossiers (citizen1's dossiers, kept across restarts)",
                    () -> client.get("/api/v1/dossiers", token),
                    r -> r.status() == 200 && contains(r.json().get("items"), code),
                    r -> r.json().get("total").asLong() + " dossier(s), the newest " + code);
            counterVisit(token);
            resultByPost(token, code);
            out.println("Walk-through passed.");
            return true;
        } catch (StepFailed failed) {
            out.println("Walk-through FAILED at step " + step + ": " + failed.getMessage());
            return false;
        }
    }

    /**
     * The intake fee paid online: a checkout gives the provider's signed payment URL, the citizen
     * approves on the provider simulator's page, and the provider's notification (not the browser's
     * return) completes the order and its receipt is numbered.
     */
    private void payOnline(String citizen, String paymentId) {
        GatewayClient.Response checkout = step("POST /api/v1/payments/" + paymentId + "/checkout",
                () -> client.post("/api/v1/payments/" + paymentId + "/checkout", citizen, "{}", UUID.randomUUID().toString()),
                r -> r.status() == 201, r -> "attempt " + r.json().get("reference").asString() + ", signed payment URL at the provider");
        URI paymentUrl = URI.create(checkout.json().get("paymentUrl").asString());
        step("GET the provider's payment page and press \"Thanh toán\" (the provider simulator)", () -> {
            try {
                HttpClient browser = HttpClient.newHttpClient();
                HttpResponse<String> page = browser.send(HttpRequest.newBuilder(paymentUrl).build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    return page.statusCode();
                }
                return browser.send(HttpRequest.newBuilder(paymentUrl.resolve("/paymentv2/decide"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("txnRef=" + checkout.json().get("reference").asString() + "&outcome=approve"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, status -> status == 302, status -> "approved; the browser goes back to the return URL");
        step("GET /api/v1/payments/" + paymentId + " (waits for the provider's signed notification and the receipt)",
                () -> poll(() -> client.get("/api/v1/payments/" + paymentId, citizen), r -> !r.json().get("receiptNumber").isNull()),
                r -> r.status() == 200 && "COMPLETED".equals(r.json().get("status").asString()),
                r -> "COMPLETED online, receipt " + r.json().get("receiptNumber").asString()
                        + " (PDF at /api/v1/payments/" + paymentId + "/receipt)");
    }

    /** A booking at the commune office, a queue number at its reception, and a call to its counter. */
    private void counterVisit(String citizen) {
        String day = LocalDate.now(HANOI).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).toString();
        GatewayClient.Response slots = step("GET /api/v1/offices/" + OFFICE + "/slots?date=" + day
                        + " (waits until the appointment service has the calendar)",
                () -> poll(() -> client.get("/api/v1/offices/" + OFFICE + "/slots?date=" + day, citizen),
                        r -> r.json().get("open").asBoolean()),
                r -> r.status() == 200 && r.json().get("open").asBoolean(),
                r -> r.json().get("slots").size() + " slots of " + r.json().get("capacity").get("placesPerSlot").asInt()
                        + " places, " + r.json().get("capacity").get("citizensInRoom").asInt() + " citizens in the room at once");
        String start = slots.json().get("slots").get(1).get("start").asString();
        step("POST /api/v1/bookings (guidance at " + OFFICE + ", " + day + " " + start + ")",
                () -> client.post("/api/v1/bookings", citizen, """
                        {"officeId": "%s", "date": "%s", "start": "%s", "purpose": "GUIDANCE", "procedureCode": "%s"}"""
                        .formatted(OFFICE, day, start, PROCEDURE), UUID.randomUUID().toString()),
                r -> r.status() == 201 || r.status() == 409,
                r -> r.status() == 201 ? "booking code " + r.json().get("code").asString() + " (" + r.json().get("channel").asString() + ")"
                        : "citizen1 has a booking that day already (" + r.json().get("type").asString() + ")");
        String officer = client.userToken("officer1");
        GatewayClient.Response ticket = step("POST /api/v1/offices/" + OFFICE + "/walk-ins (officer1 at reception)",
                () -> client.post("/api/v1/offices/" + OFFICE + "/walk-ins", officer, "{\"purpose\": \"GUIDANCE\"}",
                        UUID.randomUUID().toString()),
                r -> r.status() == 201, r -> "queue number " + r.json().get("number").asString() + ", "
                        + r.json().get("status").asString());
        String number = ticket.json().get("number").asString();
        step("POST /api/v1/offices/" + OFFICE + "/counters/Q4/call-next (until " + number + " is called)",
                () -> callUntil(officer, number), r -> r.status() == 200 && number.equals(r.json().get("number").asString()),
                r -> r.json().get("number").asString() + " called to counter " + r.json().get("counterId").asString());
        step("GET /api/v1/public/offices/" + OFFICE + "/board (the waiting-room screen, no token)",
                () -> client.get("/api/v1/public/offices/" + OFFICE + "/board", null),
                r -> r.status() == 200 && number.equals(r.json().get("calls").get(0).get("number").asString()),
                r -> "showing " + number + " → " + r.json().get("calls").get(0).get("counterName").asString());
        client.post("/api/v1/offices/" + OFFICE + "/tickets/" + number + "/served", officer, "{}", null);
    }

    /**
     * The agency processes the dossier to its result; the result goes by post, and the postal
     * operator's simulator (its own process, reading its own topic) carries it to the door.
     */
    private void resultByPost(String citizen, String code) {
        String officer = client.userToken("officer1");
        step("POST /api/v1/dossiers/" + code + "/reception, /assignment, /approval-request, /approval, /result (officer1,"
                + " specialist1, leader1)", () -> {
                    String specialist = client.userToken("specialist1");
                    client.post("/api/v1/dossiers/" + code + "/reception", officer, """
                            {"paperDocuments": ["Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký kinh doanh"]}""", null);
                    client.post("/api/v1/dossiers/" + code + "/assignment", officer, "{\"assignee\": \"specialist1\"}", null);
                    client.post("/api/v1/dossiers/" + code + "/approval-request", specialist, "{\"note\": \"Đủ điều kiện\"}", null);
                    client.post("/api/v1/dossiers/" + code + "/approval", client.userToken("leader1"), "{\"note\": \"Đồng ý\"}", null);
                    return client.post("/api/v1/dossiers/" + code + "/result", specialist, "{}", null);
                }, r -> r.status() == 200 && r.json().get("nationalStatus").asInt() == 9,
                r -> "status 9 (" + r.json().get("status").asString() + "), the result goes by post");
        step("GET /api/v1/shipments/RET-" + code + " (waits while the operator's simulator carries it)",
                () -> poll(() -> client.get("/api/v1/shipments/RET-" + code, citizen),
                        r -> "DELIVERED".equals(r.json().get("status").asString())),
                r -> r.status() == 200 && "DELIVERED".equals(r.json().get("status").asString()),
                r -> "item " + r.json().get("itemId").asString() + " to " + r.json().get("addressProvince").asString()
                        + ", postage " + r.json().get("price").get("postageDue").asLong() + " VND frozen ("
                        + r.json().get("price").get("tariffId").asString() + "), cash on delivery "
                        + r.json().get("cashOnDelivery").asLong() + " VND; " + stages(r.json().get("history")));
        step("GET /api/v1/dossiers/" + code + " (returned by the delivery, no one at the agency acting)",
                () -> poll(() -> client.get("/api/v1/dossiers/" + code, citizen), r -> r.json().get("nationalStatus").asInt() == 10),
                r -> r.status() == 200 && r.json().get("nationalStatus").asInt() == 10,
                r -> "status 10 (" + r.json().get("status").asString() + ")");
    }

    private static String stages(JsonNode history) {
        StringBuilder stages = new StringBuilder();
        for (JsonNode report : history) {
            stages.append(stages.isEmpty() ? "" : " → ").append(report.get("progress").asString());
        }
        return stages.toString();
    }

    /** Calls and serves the numbers ahead of {@code number} (from earlier runs), then calls it. */
    private GatewayClient.Response callUntil(String officer, String number) {
        GatewayClient.Response call = client.post("/api/v1/offices/" + OFFICE + "/counters/Q4/call-next", officer, "{}", null);
        for (int i = 0; i < 100 && call.status() == 200 && !number.equals(call.json().get("number").asString()); i++) {
            client.post("/api/v1/offices/" + OFFICE + "/tickets/" + call.json().get("number").asString() + "/served", officer,
                    "{}", null);
            call = client.post("/api/v1/offices/" + OFFICE + "/counters/Q4/call-next", officer, "{}", null);
        }
        return call;
    }

    private <T> T step(String title, Supplier<T> action, Predicate<T> passes, Function<T, String> show) {
        step++;
        out.printf("%d. %s%n", step, title);
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            throw new StepFailed(e.getMessage());
        }
        if (!passes.test(result)) {
            throw new StepFailed(result instanceof GatewayClient.Response r ? r.status() + " " + r.body() : String.valueOf(result));
        }
        out.println("   ok: " + show.apply(result));
        return result;
    }

    private static GatewayClient.Response poll(Supplier<GatewayClient.Response> call, Predicate<GatewayClient.Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        GatewayClient.Response response = call.get();
        while (!(response.status() == 200 && done.test(response)) && Instant.now().isBefore(deadline)) {
            sleep();
            response = call.get();
        }
        return response;
    }

    private static long count(JsonNode notifications, String code) {
        long n = 0;
        for (JsonNode notification : notifications) {
            if (code.equals(notification.get("dossierCode").asString())) {
                n++;
            }
        }
        return n;
    }

    private static boolean contains(JsonNode dossiers, String code) {
        for (JsonNode dossier : dossiers) {
            if (code.equals(dossier.get("code").asString())) {
                return true;
            }
        }
        return false;
    }

    private static String titles(JsonNode notifications, String code) {
        StringBuilder titles = new StringBuilder();
        for (JsonNode notification : notifications) {
            if (code.equals(notification.get("dossierCode").asString())) {
                titles.append("\n      «").append(notification.get("title").asString()).append("»");
            }
        }
        return titles.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }
}
