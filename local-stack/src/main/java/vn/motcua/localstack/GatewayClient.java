package vn.motcua.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the platform as a portal or a citizen's app would: tokens from Keycloak, APIs through the gateway. */
public final class GatewayClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StackConfig config;
    private final Consumer<Response> observer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GatewayClient(StackConfig config) {
        this(config, response -> {
        });
    }

    /** A client that shows every answer to {@code observer} before its caller sees it (the system tests check them). */
    public GatewayClient(StackConfig config, Consumer<Response> observer) {
        this.config = config;
        this.observer = observer;
    }

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A demo user's access token (password grant of the local-only motcua-demo client). */
    public String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "motcua-demo", "username", username,
                "password", "demo"));
    }

    public String userToken(String clientId, String username) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", "demo"));
    }

    /** A confidential client's token (client credentials), e.g. a provincial portal. */
    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Response response = send(HttpRequest.newBuilder(URI.create(config.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.status() != 200) {
            throw new IllegalStateException("Token request failed: " + response.status() + " " + response.body());
        }
        return response.json().get("access_token").asString();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, String json, String idempotencyKey) {
        return send(postRequest(path, token, json, idempotencyKey));
    }

    /** A POST to adorn with more headers before {@link #send}. */
    public HttpRequest.Builder postRequest(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request;
    }

    /** A request to the gateway, with the bearer token when there is one. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
            observer.accept(answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
