package vn.motcua.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.StackConfig;
import vn.motcua.testinfra.ApiDocument;

/**
 * Every answer the platform gives a system test through the gateway is one its API documents promise:
 * the operation, its status and its content type, for every success and every refusal an operation
 * documents (all but the edge's, for a route or method that no service has). A portal's developer
 * generates a client from those documents, and a 201 documented as 200, a PDF documented as JSON or
 * an undocumented 429 breaks that client where no test of ours would notice (ADR 0042).
 */
final class DocumentedAnswers {
    private static final List<String> SERVICES = List.of("dossier", "appointment", "payment", "postal", "notification");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DocumentedAnswers loaded;

    private final String gatewayUrl;
    private final ApiDocument documents;
    private final AtomicInteger checked = new AtomicInteger();

    private DocumentedAnswers(String gatewayUrl, ApiDocument documents) {
        this.gatewayUrl = gatewayUrl;
        this.documents = documents;
    }

    /** The documents as the gateway serves them, read once for the whole run. */
    static synchronized DocumentedAnswers of(StackConfig config) {
        if (loaded == null) {
            List<JsonNode> documents = new ArrayList<>();
            try (HttpClient http = HttpClient.newHttpClient()) {
                for (String service : SERVICES) {
                    HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api-docs/"
                            + service)).build(), HttpResponse.BodyHandlers.ofString());
                    if (document.statusCode() != 200) {
                        throw new IllegalStateException("The " + service + " API document: " + document.statusCode());
                    }
                    documents.add(JSON.readTree(document.body()));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the API documents", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            loaded = from(config.gatewayUrl(), documents);
        }
        return loaded;
    }

    static DocumentedAnswers from(String gatewayUrl, List<JsonNode> documents) {
        return new DocumentedAnswers(gatewayUrl, ApiDocument.of(documents));
    }

    /** Every documented operation of the five services. */
    List<ApiDocument.Operation> operations() {
        return documents.operations();
    }

    /** How many answers were held to the documents so far. */
    static int checked() {
        return loaded == null ? 0 : loaded.checked.get();
    }

    /** Fails the calling test when an answer of a documented operation, or any success, is not as documented. */
    void check(GatewayClient.Response response) {
        HttpRequest request = response.raw().request();
        if ("OPTIONS".equals(request.method()) && request.headers().firstValue("Access-Control-Request-Method").isPresent()) {
            return; // a browser's preflight, which the gateway answers for every path (ADR 0044), is no operation
        }
        check(request.method(), request.uri(), response.status(), response.contentType(), response.body());
        if (response.status() == 201) {
            response.raw().headers().firstValue("Location").ifPresent(location -> checkLocation(request.method(), request.uri(),
                    location));
        }
    }

    void checkLocation(String method, URI uri, String location) {
        documents.checkLocation(method, uri.getRawPath(), location, uri.resolve(location).getRawPath());
    }

    void check(String method, URI uri, int status, String contentType, String body) {
        if (uri.toString().startsWith(gatewayUrl + "/api/") && documents.check(method, uri.getRawPath(), status, contentType, body)) {
            checked.incrementAndGet();
        }
    }
}
