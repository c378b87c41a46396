package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.testinfra.ApiDocument;

/**
 * Every path and query parameter of every documented operation, in turn given a hostile value,
 * through the gateway as a caller whose role may call it: a 2xx or a 4xx problem+json, never a
 * 5xx. Driven by the API documents, so a new endpoint is swept the day it is documented. The work
 * queue's {@code ?status=1&status=} was a 500 (a list of numbers got a null) until this sweep.
 * Changes are swept on their path parameters only: a hostile query value beside an empty body
 * must not make one happen.
 */
@ExtendWith(Platform.class)
class ParameterSweepIT {
    private static final List<String> PATH_VALUES = List.of("%00", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "-1", "99999999999999999999",
            "%F0%9F%92%A9", "2026-02-30", "a".repeat(3_000));
    private static final List<String> QUERY_VALUES = List.of("", "%20", "%00", "-1", "2147483648", "99999999999999999999", "1e400",
            "NaN", "2026-02-30", "%2B999999999-12-31", "%E2%80%AE", "a".repeat(3_000));
    /** A demo user of each role; a role no user has (a portal, a chatbot) is left to the next role the operation takes. */
    private static final Map<String, String> USER_OF_ROLE = Map.of("citizen", "citizen1", "officer", "officer1", "specialist",
            "specialist1", "leader", "leader1", "ops", "ops1", "postal-operator", "postal1");

    private final GatewayClient gateway = Platform.client();
    private final Map<String, String> tokens = new HashMap<>();
    private final Set<String> undocumentedAnswers = new TreeSet<>();

    record Answer(String request, int status, String contentType) {
        boolean blamesTheServer() {
            return status >= 500;
        }

        boolean refusalThatIsNotAProblem() {
            return status >= 400 && !contentType.startsWith("application/problem+json");
        }
    }

    @AfterEach
    void leaveTheRateLimitsAsFound() throws InterruptedException {
        RateBuckets.refill(gateway);
    }

    @Test
    void everyParameterOfEveryOperationGivenAHostileValueIsTakenOrRefusedWithA4xxNeverA5xx() throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (ApiDocument.Operation operation : DocumentedAnswers.of(Platform.stack().config()).operations()) {
            String token = tokenFor(operation.roles());
            List<String> pathParameters = operation.parameters("path");
            for (String parameter : pathParameters) {
                for (String value : PATH_VALUES) {
                    answers.add(send(operation, withPath(operation.template(), parameter, value), token));
                }
            }
            if (operation.method().equals("GET")) {
                String path = withPath(operation.template(), null, null);
                for (String parameter : operation.parameters("query")) {
                    // The other required parameters given plausibly, so that the one swept is what the operation reads.
                    String others = requiredBesides(operation, parameter);
                    for (String value : QUERY_VALUES) {
                        answers.add(send(operation, path + "?" + others + parameter + "=" + value, token));
                    }
                    answers.add(send(operation, path + "?" + others + parameter + "=1&" + parameter + "=", token));
                }
            }
        }
        System.out.printf("Parameter sweep: %d requests, %d refused with 4xx%n", answers.size(),
                answers.stream().filter(answer -> answer.status() >= 400 && answer.status() < 500).count());
        assertThat(answers).hasSizeGreaterThan(1_000);
        assertThat(answers).filteredOn(Answer::blamesTheServer).as("answers that blame the server").isEmpty();
        assertThat(answers).filteredOn(Answer::refusalThatIsNotAProblem).as("refusals that are not problem+json").isEmpty();
        assertThat(undocumentedAnswers).as("answers their API documents do not list").isEmpty();
    }

    /** Each required query parameter but {@code swept} with a value of its type, as {@code name=value&...}. */
    private static String requiredBesides(ApiDocument.Operation operation, String swept) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.document().path("parameters")) {
            String name = parameter.path("name").asString("");
            if ("query".equals(parameter.path("in").asString("")) && parameter.path("required").asBoolean(false) && !name.equals(swept)) {
                JsonNode schema = parameter.path("schema");
                String value = switch (schema.path("type").asString("string")) {
                    case "integer", "number" -> "1";
                    case "boolean" -> "true";
                    default -> schema.has("enum") ? schema.get("enum").get(0).asString()
                            : "date".equals(schema.path("format").asString("")) ? "2026-11-02" : "x";
                };
                query.append(name).append('=').append(value).append('&');
            }
        }
        return query.toString();
    }

    /** The template with {@code value} for {@code parameter} and a plain id for every other path parameter. */
    private static String withPath(String template, String parameter, String value) {
        String path = parameter == null ? template : template.replace("{" + parameter + "}", value);
        return path.replaceAll("\\{[^}]+}", "X1");
    }

    private String tokenFor(List<String> roles) {
        String user = roles.stream().filter(USER_OF_ROLE::containsKey).findFirst().map(USER_OF_ROLE::get).orElse("citizen1");
        return tokens.computeIfAbsent(user, gateway::userToken);
    }

    /** Sent again after the rate limit's wait: a 429 says nothing about the parameter. */
    private Answer send(ApiDocument.Operation operation, String path, String token) throws InterruptedException {
        boolean changes = !operation.method().equals("GET");
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.stack().config().gatewayUrl() + path))
                    .method(operation.method(), changes ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + token);
            if (changes) {
                request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
            }
            GatewayClient.Response response;
            try {
                response = gateway.send(request);
            } catch (AssertionError undocumented) {
                // The answer is not one its API document lists (DocumentedAnswers): collected, so one run names them all.
                undocumentedAnswers.add(undocumented.getMessage());
                return new Answer(operation.method() + " " + path, 0, "undocumented");
            }
            if (response.status() != 429 || attempt == 20) {
                String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
                return new Answer(operation.method() + " " + shown, response.status(), response.contentType());
            }
            Thread.sleep(1_000);
        }
    }
}
