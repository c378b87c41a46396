package vn.motcua.simulators.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the merchant's IPN endpoint server to server, as the provider does: after a delay, with
 * a jitter that lets notifications overtake each other, in duplicate if configured, and again
 * until the merchant answers {@code RspCode} 00 (confirmed) or 02 (already confirmed). Answers
 * "lost" on purpose make the provider repeat a call the merchant has already processed.
 */
final class Notifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Pattern RSP_CODE = Pattern.compile("\"RspCode\"\\s*:\\s*\"(\\d{2})\"");

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final Random random;
    private final AtomicInteger delivered = new AtomicInteger();

    Notifier(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /** @param signedQuery the notification's parameters with their checksum */
    void notifyMerchant(String txnRef, String signedQuery) {
        for (int copy = 0; copy <= settings.ipnDuplicates(); copy++) {
            schedule(txnRef, signedQuery, 0, settings.ipnDelay().toMillis() + jitter());
        }
    }

    /** Sends the notification once more, now: what a support desk does when a merchant asks. */
    void resend(String txnRef, String signedQuery) {
        schedule(txnRef, signedQuery, settings.ipnRetries(), 0);
    }

    int delivered() {
        return delivered.get();
    }

    private long jitter() {
        long bound = settings.ipnJitter().toMillis();
        synchronized (random) {
            return bound <= 0 ? 0 : random.nextLong(bound + 1);
        }
    }

    private void schedule(String txnRef, String signedQuery, int attempt, long delayMillis) {
        timer.schedule(() -> Thread.ofVirtual().start(() -> send(txnRef, signedQuery, attempt)), delayMillis,
                TimeUnit.MILLISECONDS);
    }

    private void send(String txnRef, String signedQuery, int attempt) {
        URI target = URI.create(settings.ipnUrl() + (settings.ipnUrl().getQuery() == null ? "?" : "&") + signedQuery);
        String code;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = RSP_CODE.matcher(response.body());
            code = response.statusCode() == 200 && matcher.find() ? matcher.group(1) : "HTTP " + response.statusCode();
        } catch (Exception e) {
            code = e.getClass().getSimpleName();
        }
        delivered.incrementAndGet();
        boolean answerLost = attempt < settings.loseAnswers();
        boolean done = !answerLost && (code.equals("00") || code.equals("02"));
        log.info("IPN {} attempt {}: merchant answered {}{}", txnRef, attempt + 1, code, answerLost ? " (answer lost)" : "");
        if (!done && attempt < settings.ipnRetries()) {
            schedule(txnRef, signedQuery, attempt + 1, settings.retryDelay().toMillis());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
