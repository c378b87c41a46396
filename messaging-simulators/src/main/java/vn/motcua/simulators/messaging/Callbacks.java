package vn.motcua.simulators.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts a provider's callback to the customer after a delay, and again (5 times at most) until it answers 2xx. */
final class Callbacks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);
    private static final int ATTEMPTS = 5;

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Callbacks(URI target) {
        this.target = target;
    }

    void post(String body, Map<String, String> headers, Duration delay) {
        schedule(body, headers, 1, delay.toMillis());
    }

    private void schedule(String body, Map<String, String> headers, int attempt, long delayMillis) {
        timer.schedule(() -> Thread.ofVirtual().start(() -> send(body, headers, attempt)), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void send(String body, Map<String, String> headers, int attempt) {
        int status;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        if (status / 100 != 2 && attempt < ATTEMPTS) {
            log.info("Callback to {} answered {}; trying again (attempt {})", target, status, attempt + 1);
            schedule(body, headers, attempt + 1, 1000L * attempt);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
