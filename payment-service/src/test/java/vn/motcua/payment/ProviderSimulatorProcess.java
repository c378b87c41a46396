package vn.motcua.payment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The payment provider simulator as a process of its own, started once per test JVM from the test
 * classpath, speaking HTTP to the service under test as the real provider would: the ITs' provider
 * is never an object in the test's memory.
 */
public final class ProviderSimulatorProcess {
    private static final Random RANDOM = new SecureRandom();
    public static final String SECRET = "it-only-hash-secret-" + Long.toHexString(System.nanoTime());
    public static final String TMN_CODE = "MOTCUAIT";
    public static final int SERVICE_PORT = freePort();
    public static final int PORT = freePort();
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "vn.motcua.simulators.payment.PaymentProviderSimulator", "--port=" + PORT, "--tmn-code=" + TMN_CODE,
                "--ipn-url=http://127.0.0.1:" + SERVICE_PORT + "/api/v1/payments/provider/ipn", "--ipn-delay-ms=20",
                "--retry-delay-ms=300"));
        try {
            Path log = Files.createTempFile("payment-provider-simulator", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PAYMENT_PROVIDER_HASH_SECRET", SECRET);
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The simulator stopped: " + Files.readString(log));
                }
                try {
                    if (get("/health").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("The simulator did not answer within 30 s");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot start the provider simulator", e);
        }
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

    /** Below the kernel's ephemeral range, where a port bind(0) handed out could be taken by an outgoing connection. */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }
}
