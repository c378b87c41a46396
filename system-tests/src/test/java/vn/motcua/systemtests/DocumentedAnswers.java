package vn.motcua.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.StackConfig;

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
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /**
     * The refusals the kit documents on operations by their shape (ApiDocsKitConfiguration) or an operation declares.
     * The edge's for a route or method no service has (404, 405) are left to the tests that provoke them.
     */
    private static final Set<Integer> DOCUMENTED_REFUSALS = Set.of(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503);
    private static DocumentedAnswers loaded;

    private final String gatewayUrl;
    private final List<Operation> operations;
    private final AtomicInteger checked = new AtomicInteger();

    /** One documented operation; the more literal characters its path has, the more specific it is. */
    record Operation(String method, String template, Pattern path, int literalCharacters, JsonNode document) {
        static Operation of(String method, String template, JsonNode document) {
            String literal = template.replaceAll("\\{[^}]+}", "");
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new Operation(method.toUpperCase(Locale.ROOT), template, Pattern.compile(regex), literal.length(), document);
        }

        JsonNode responses() {
            return document.get("responses");
        }

        /** The names of its parameters that go in {@code in} (path, query, header). */
        List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            document.path("parameters").forEach(parameter -> {
                if (in.equals(parameter.path("in").asString(""))) {
                    names.add(parameter.path("name").asString());
                }
            });
            return names;
        }

        /** The roles that may call it, none for an operation every signed-in caller may call or a public one. */
        List<String> roles() {
            List<String> roles = new ArrayList<>();
            document.path("x-roles").forEach(role -> roles.add(role.asString()));
            return roles;
        }
    }

    private DocumentedAnswers(String gatewayUrl, List<Operation> operations) {
        this.gatewayUrl = gatewayUrl;
        this.operations = operations;
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
        List<Operation> operations = new ArrayList<>();
        for (JsonNode document : documents) {
            JsonNode paths = document.get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    operations.add(Operation.of(method, path, paths.get(path).get(method)));
                }
            }
        }
        return new DocumentedAnswers(gatewayUrl, operations);
    }

    /** Every documented operation of the five services. */
    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /**
     * A JSON answer names each member once: a problem's {@code status} written again as a resource's
     * status was read as "PICKED_UP" by a client keeping the last copy, and 409 by one keeping the first.
     */
    private static void readOnce(String said, String body) {
        try {
            STRICT.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError(said + " with JSON that does not read as one value per member: " + e.getOriginalMessage());
        }
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

    /**
     * A creation's Location names something its caller can read: a documented GET. A portal follows it to show what
     * it just created, and a Location no operation answers sends it to a 404 for a creation that succeeded.
     */
    void checkLocation(String method, URI uri, String location) {
        String path = uri.resolve(location).getRawPath();
        if (operations.stream().noneMatch(candidate -> candidate.method().equals("GET") && candidate.path().matcher(path).matches())) {
            throw new AssertionError(method + " " + uri.getRawPath() + " answered 201 with Location " + location
                    + ", which no documented GET reads");
        }
    }

    void check(String method, URI uri, int status, String contentType, String body) {
        boolean success = status >= 200 && status <= 299;
        if (!(success || DOCUMENTED_REFUSALS.contains(status)) || !uri.toString().startsWith(gatewayUrl + "/api/")) {
            return;
        }
        String path = uri.getRawPath();
        Optional<Operation> found = operations.stream()
                .filter(candidate -> candidate.method().equals(method) && candidate.path().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalCharacters));
        if (found.isEmpty()) {
            if (success) {
                throw new AssertionError(method + " " + path + " answered " + status + " but no API document has the operation");
            }
            return; // a route or method no service has: the edge's refusal, not an operation's
        }
        Operation operation = found.get();
        JsonNode documented = operation.responses().get(String.valueOf(status));
        String said = method + " " + operation.template() + " answered " + status;
        if (documented == null) {
            throw new AssertionError(said + "; its document lists " + operation.responses().propertyNames());
        }
        JsonNode content = documented.get("content");
        if (content == null || content.isEmpty()) {
            if (!body.isEmpty()) {
                throw new AssertionError(said + " with a body of " + contentType + "; its document says no body");
            }
        } else {
            String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!content.has(type)) {
                throw new AssertionError(said + " as " + type + "; its document says " + content.propertyNames());
            }
            if (type.endsWith("json")) {
                readOnce(said, body);
            }
        }
        checked.incrementAndGet();
    }
}
