package vn.motcua.simulators.postal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's operator API as the operator's system calls it: a client-credentials token, then reports. */
final class OperatorApi {
    /** The largest page the platform lists. */
    private static final int PAGE = 200;
    private final Settings settings;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private String token;
    private Instant tokenExpires = Instant.MIN;

    OperatorApi(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** @return the HTTP status the platform answered */
    int report(String shipmentId, Report report) throws IOException, InterruptedException {
        String body = json.writeValueAsString(report);
        HttpResponse<String> response = send(() -> HttpRequest.newBuilder(settings.api().resolve("/api/v1/shipments/" + shipmentId + "/reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return response.statusCode();
    }

    /** @return the HTTP status the platform answered to a remittance batch */
    int remit(Remittance batch) throws IOException, InterruptedException {
        String body = json.writeValueAsString(batch);
        return send(() -> HttpRequest.newBuilder(settings.api().resolve("/api/v1/remittances"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    /** The operator's own shipments as the platform lists them, every page of them. */
    List<JsonNode> shipments() throws IOException, InterruptedException {
        List<JsonNode> shipments = new ArrayList<>();
        for (int page = 0; ; page++) {
            URI next = settings.api().resolve("/api/v1/shipments?size=" + PAGE + "&page=" + page);
            HttpResponse<String> response = send(() -> HttpRequest.newBuilder(next).GET());
            if (response.statusCode() != 200) {
                throw new IOException("Listing shipments answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode listed = json.readTree(response.body());
            listed.forEach(shipments::add);
            if (listed.size() < PAGE) {
                return shipments;
            }
        }
    }

    private interface RequestBuilder {
        HttpRequest.Builder build();
    }

    /** Sends with the current token; a refused token is fetched again once. */
    private HttpResponse<String> send(RequestBuilder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build().header("Authorization", "Bearer " + token(false))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            response = http.send(request.build().header("Authorization", "Bearer " + token(true)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private synchronized String token(boolean renew) throws IOException, InterruptedException {
        if (!renew && token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(settings.operator()) + "&client_secret="
                + encode(settings.secret());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The token endpoint answered " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        token = answer.get("access_token").asString();
        // Renewed a little before it expires, so no report goes out with a token about to lapse.
        tokenExpires = Instant.now().plusSeconds(Math.max(5, answer.get("expires_in").asLong() - 30));
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
