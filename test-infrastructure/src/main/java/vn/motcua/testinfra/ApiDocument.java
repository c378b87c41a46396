package vn.motcua.testinfra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of one or more OpenAPI documents, and the check that an answer is one its
 * operation's document lists (status, content type, JSON that reads one value per member). The
 * system tests hold every answer through the gateway to it, and each service's integration tests
 * every answer of its own API (ADR 0042).
 */
public final class ApiDocument {
    /**
     * The refusals the kit documents on operations by their shape (ApiDocsKitConfiguration) or an operation declares.
     * The edge's for a route or method no service has (404, 405) are left to the tests that provoke them.
     */
    public static final Set<Integer> DOCUMENTED_REFUSALS = Set.of(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503);
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final List<Operation> operations;

    /** One documented operation; the more literal characters its path has, the more specific it is. */
    public record Operation(String method, String template, Pattern path, int literalCharacters, JsonNode document) {
        static Operation of(String method, String template, JsonNode document) {
            String literal = template.replaceAll("\\{[^}]+}", "");
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new Operation(method.toUpperCase(Locale.ROOT), template, Pattern.compile(regex), literal.length(), document);
        }

        public JsonNode responses() {
            return document.get("responses");
        }

        /** The names of its parameters that go in {@code in} (path, query, header). */
        public List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            document.path("parameters").forEach(parameter -> {
                if (in.equals(parameter.path("in").asString(""))) {
                    names.add(parameter.path("name").asString());
                }
            });
            return names;
        }

        /** The roles that may call it, none for an operation every signed-in caller may call or a public one. */
        public List<String> roles() {
            List<String> roles = new ArrayList<>();
            document.path("x-roles").forEach(role -> roles.add(role.asString()));
            return roles;
        }
    }

    private ApiDocument(List<Operation> operations) {
        this.operations = operations;
    }

    public static ApiDocument of(List<JsonNode> documents) {
        List<Operation> operations = new ArrayList<>();
        for (JsonNode document : documents) {
            JsonNode paths = document.get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    operations.add(Operation.of(method, path, paths.get(path).get(method)));
                }
            }
        }
        return new ApiDocument(operations);
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The most specific documented operation the method and path name. */
    public Optional<Operation> operation(String method, String path) {
        return operations.stream().filter(candidate -> candidate.method().equals(method) && candidate.path().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalCharacters));
    }

    /**
     * Fails when an answer of a documented operation, or any success, is not as documented.
     *
     * @return whether the answer was held to a document (false for statuses and routes left to others)
     */
    public boolean check(String method, String path, int status, String contentType, String body) {
        boolean success = status >= 200 && status <= 299;
        if (!(success || DOCUMENTED_REFUSALS.contains(status))) {
            return false;
        }
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            if (success) {
                throw new AssertionError(method + " " + path + " answered " + status + " but no API document has the operation");
            }
            return false; // a route or method no service has: the edge's refusal, not an operation's
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
            String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!content.has(type)) {
                throw new AssertionError(said + " as " + type + "; its document says " + content.propertyNames());
            }
            if (type.endsWith("json")) {
                readOnce(said, body);
            }
        }
        return true;
    }

    /**
     * A creation's Location names something its caller can read: a documented GET. A portal follows it to show what
     * it just created, and a Location no operation answers sends it to a 404 for a creation that succeeded.
     *
     * @param locationPath the Location resolved against the request's URI, its path only
     */
    public void checkLocation(String method, String path, String location, String locationPath) {
        if (operations.stream().noneMatch(candidate -> candidate.method().equals("GET") && candidate.path().matcher(locationPath).matches())) {
            throw new AssertionError(method + " " + path + " answered 201 with Location " + location + ", which no documented GET reads");
        }
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
}
