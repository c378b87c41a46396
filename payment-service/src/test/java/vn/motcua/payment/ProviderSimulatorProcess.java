package vn.motcua.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.motcua.testinfra.SimulatorProcess;

/**
 * The payment provider simulator as a process of its own, started once per test JVM from the test
 * classpath, speaking HTTP to the service under test as the real provider would: the ITs' provider
 * is never an object in the test's memory.
 */
public final class ProviderSimulatorProcess {
    public static final String SECRET = "it-only-hash-secret-" + Long.toHexString(System.nanoTime());
    public static final String TMN_CODE = "MOTCUAIT";
    public static final int SERVICE_PORT = SimulatorProcess.freePort();
    public static final int PORT = SimulatorProcess.freePort();
    public static final URI BASE = URI.create("http://127.0.0.1:" + PORT);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process process;

    private ProviderSimulatorProcess() {
    }

    /** Starts the simulator (once) and waits until it answers. */
    public static synchronized void start() {
        if (process != null) {
            return;
        }
        process = SimulatorProcess.start("vn.motcua.simulators.payment.PaymentProviderSimulator", PORT, List.of("--tmn-code=" + TMN_CODE,
                "--ipn-url=http://127.0.0.1:" + SERVICE_PORT + "/api/v1/payments/provider/ipn", "--ipn-delay-ms=20", "--retry-delay-ms=300"),
                Map.of("PAYMENT_PROVIDER_HASH_SECRET", SECRET));
    }

    public static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> send(String method, String pathAndQuery, String form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the payment page as the citizen's browser would, then presses a button (approve, decline, insufficient). */
    public static HttpResponse<String> pay(URI paymentUrl, String reference, String outcome, boolean withIpn)
            throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(paymentUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The payment page answered " + page.statusCode() + ": " + page.body());
        }
        return send("POST", "/paymentv2/decide", "txnRef=" + reference + "&outcome=" + outcome + (withIpn ? "" : "&ipn=none"));
    }
}
