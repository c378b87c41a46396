package vn.motcua.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** An instance's Prometheus exposition, read as an operator reads it: with the operations role. */
final class OperatorMetrics {
    /** Keycloak's access tokens live five minutes here; one is taken again well before. */
    private static final Duration TOKEN_FOR = Duration.ofMinutes(4);

    private final StackConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenTakenAt = Instant.MIN;

    OperatorMetrics(StackConfig config) {
        this.config = config;
    }

    String scrape(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + operatorToken()).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Metrics of the instance on port " + port + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the metrics of the instance on port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading metrics", e);
        }
    }

    private String operatorToken() {
        if (Instant.now().isAfter(tokenTakenAt.plus(TOKEN_FOR))) {
            token = new GatewayClient(config).userToken("ops1");
            tokenTakenAt = Instant.now();
        }
        return token;
    }
}
