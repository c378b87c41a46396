package vn.motcua.notification.channels.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A JSON POST to a provider; a provider that cannot be reached or answers 5xx is {@link Guard.Busy}. */
final class ProviderHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Answer(int status, JsonNode body) {
    }

    private ProviderHttp() {
    }

    static Answer post(ObjectMapper json, URI target, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Guard.Busy("the provider cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Guard.Busy("interrupted");
        }
        if (response.statusCode() >= 500) {
            throw new Guard.Busy("the provider answered " + response.statusCode());
        }
        JsonNode answer = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), answer);
    }
}
