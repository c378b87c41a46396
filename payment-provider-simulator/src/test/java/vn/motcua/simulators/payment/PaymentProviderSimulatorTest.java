package vn.motcua.simulators.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as a merchant meets it: its checksum rules, its notifications and their retries, its refund rules. */
class PaymentProviderSimulatorTest {
    private static final String SECRET = "unit-test-secret";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Checksum checksum = new Checksum(SECRET);
    private final List<Map<String, String>> notifications = new CopyOnWriteArrayList<>();
    private HttpServer merchant;
    private PaymentProviderSimulator simulator;
    private String base;
    /** The merchant answers 99 to the first notification, then 00. */
    private volatile int answered;

    @BeforeEach
    void start() throws IOException {
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        merchant.createContext("/ipn", exchange -> {
            notifications.add(Checksum.parseQuery(exchange.getRequestURI().getRawQuery()));
            byte[] body = ("{\"RspCode\":\"" + (answered++ == 0 ? "99" : "00") + "\",\"Message\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        merchant.start();
        int port = 20_000 + (int) (System.nanoTime() % 10_000);
        simulator = new PaymentProviderSimulator(Settings.parse(Map.of(), "--port=" + port, "--secret=" + SECRET,
                "--ipn-url=http://127.0.0.1:" + merchant.getAddress().getPort() + "/ipn", "--ipn-delay-ms=0", "--retry-delay-ms=50"),
                Clock.systemUTC());
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        simulator.close();
        merchant.stop(0);
    }

    @Test
    void aSignedPaymentIsShownApprovedAndNotifiedAgainUntilTheMerchantConfirms() throws Exception {
        Map<String, String> payment = payment("REF1", 15_000_000);
        assertThat(get("/paymentv2/vpcpay.html?" + checksum.signedQuery(payment)).statusCode()).isEqualTo(200);

        HttpResponse<String> decided = post("/paymentv2/decide", "txnRef=REF1&outcome=approve");
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(decided.headers().firstValue("Location").orElseThrow()).startsWith("http://merchant.example/return?")
                .contains("vnp_ResponseCode=00");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (notifications.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(notifications).hasSize(2);
        assertThat(checksum.verifiesQuery(notifications.getFirst())).isTrue();
        assertThat(notifications.getFirst()).containsEntry("vnp_TxnRef", "REF1").containsEntry("vnp_Amount", "15000000")
                .containsEntry("vnp_TransactionStatus", "00");
        assertThat(post("/paymentv2/decide", "txnRef=REF1&outcome=decline").statusCode()).isEqualTo(409);
    }

    @Test
    void aPaymentUrlWithoutTheMerchantsChecksumIsRefused() throws Exception {
        Map<String, String> payment = payment("REF2", 10_000);
        String signed = checksum.signedQuery(payment);
        HttpResponse<String> tampered = get("/paymentv2/vpcpay.html?" + signed.replace("vnp_Amount=10000", "vnp_Amount=100"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("97");
        assertThat(post("/paymentv2/decide", "txnRef=REF2&outcome=approve").statusCode()).isEqualTo(404);
    }

    @Test
    void aRefundIsOnlyOfAPaidTransactionAtMostItsAmountAndEachRequestIdOnce() throws Exception {
        get("/paymentv2/vpcpay.html?" + checksum.signedQuery(payment("REF3", 5_000_000)));
        assertThat(refund("RQ1", "REF3", "02", 5_000_000)).contains("\"vnp_ResponseCode\":\"95\"");
        post("/paymentv2/decide", "txnRef=REF3&outcome=approve");

        assertThat(refund("RQ2", "REF3", "02", 6_000_000)).contains("\"vnp_ResponseCode\":\"02\"");
        assertThat(refund("RQ3", "REF3", "02", 5_000_000)).contains("\"vnp_ResponseCode\":\"00\"");
        assertThat(refund("RQ3", "REF3", "02", 5_000_000)).contains("\"vnp_ResponseCode\":\"94\"");
        assertThat(refund("RQ4", "NOPE", "02", 5_000_000)).contains("\"vnp_ResponseCode\":\"91\"");
        assertThat(get("/simulator/transactions/REF3").body()).contains("\"refunds\":1");
    }

    @Test
    void noSecretNoStart() {
        assertThatThrownBy(() -> Settings.parse(Map.of(), "--ipn-url=http://x/ipn")).hasMessageContaining("secret");
        assertThat(Settings.parse(Map.of(Settings.SECRET_VARIABLE, "from-env"), "--ipn-url=http://x/ipn").secret()).isEqualTo("from-env");
    }

    private String refund(String requestId, String reference, String type, long amount) throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("vnp_RequestId", requestId);
        r.put("vnp_Version", "2.1.0");
        r.put("vnp_Command", "refund");
        r.put("vnp_TmnCode", "MOTCUA01");
        r.put("vnp_TransactionType", type);
        r.put("vnp_TxnRef", reference);
        r.put("vnp_Amount", Long.toString(amount));
        r.put("vnp_TransactionNo", "");
        r.put("vnp_TransactionDate", "20261201090000");
        r.put("vnp_CreateBy", "test");
        r.put("vnp_CreateDate", "20261201090000");
        r.put("vnp_IpAddr", "127.0.0.1");
        r.put("vnp_OrderInfo", "Hoan tien");
        r.put("vnp_SecureHash", checksum.signFields(r.get("vnp_RequestId"), r.get("vnp_Version"), r.get("vnp_Command"),
                r.get("vnp_TmnCode"), r.get("vnp_TransactionType"), r.get("vnp_TxnRef"), r.get("vnp_Amount"), r.get("vnp_TransactionNo"),
                r.get("vnp_TransactionDate"), r.get("vnp_CreateBy"), r.get("vnp_CreateDate"), r.get("vnp_IpAddr"), r.get("vnp_OrderInfo")));
        StringBuilder json = new StringBuilder("{");
        r.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/merchant_webapi/api/transaction")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json.append('}').toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Map<String, String> payment(String reference, long amountTimes100) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_Version", "2.1.0");
        p.put("vnp_Command", "pay");
        p.put("vnp_TmnCode", "MOTCUA01");
        p.put("vnp_Amount", Long.toString(amountTimes100));
        p.put("vnp_CurrCode", "VND");
        p.put("vnp_TxnRef", reference);
        p.put("vnp_OrderInfo", "Thanh toan phi ho so " + reference);
        p.put("vnp_OrderType", "other");
        p.put("vnp_Locale", "vn");
        p.put("vnp_ReturnUrl", "http://merchant.example/return");
        p.put("vnp_IpAddr", "127.0.0.1");
        p.put("vnp_CreateDate", Checksum.DATE_TIME.format(Instant.now()));
        p.put("vnp_ExpireDate", Checksum.DATE_TIME.format(Instant.now().plusSeconds(900)));
        return p;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
