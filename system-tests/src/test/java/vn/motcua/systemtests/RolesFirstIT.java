package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;

/**
 * What the API documents say about who may call each operation ({@code x-roles}) holds at the
 * gateway, and comes first: a caller of a role the document does not list is refused with 403 for
 * an empty request, before anything it sent is read (ADR 0039). The documents are the list, so an
 * operation added with a role rule is checked here without a line more.
 */
@ExtendWith(Platform.class)
class RolesFirstIT {
    private static final List<String> SERVICES = List.of("dossier", "appointment", "payment", "postal", "notification");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final GatewayClient gateway = Platform.client();

    @AfterEach
    void leaveTheRateLimitsAsFound() throws InterruptedException {
        RateBuckets.refill(gateway);
    }

    @Test
    void aCallerOfARoleTheDocumentDoesNotListGets403WhateverItSent() {
        Map<String, String> tokenOfRole = tokensOfEveryRole();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String service : SERVICES) {
            JsonNode paths = gateway.get("/api-docs/" + service, null).json().get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    JsonNode operation = paths.get(path).get(method);
                    if (!METHODS.contains(method) || !operation.has("x-roles")) {
                        continue;
                    }
                    Set<String> allowed = new HashSet<>();
                    operation.get("x-roles").forEach(role -> allowed.add(role.asString()));
                    List<String> others = tokenOfRole.keySet().stream().filter(role -> !allowed.contains(role)).toList();
                    // Each operation once, by a role taken in turn from those it does not list.
                    String role = others.get(checked++ % others.size());
                    HttpRequest.Builder request = gateway.request(path.replaceAll("\\{[^}]+}", "x"), tokenOfRole.get(role))
                            .method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
                    // No content type, even for an upload: its 415 too must come after the role (ADR 0039).
                    GatewayClient.Response answer = gateway.send(request);
                    if (answer.status() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                        wrong.add(method.toUpperCase() + " " + path + " as " + role + ": " + answer.status() + " " + answer.body());
                    }
                }
            }
        }

        assertThat(checked).as("operations with x-roles").isGreaterThan(60);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aLargeUploadByARoleThatMayNotUploadIsRefusedNotTakenForAServiceFailure() throws Exception {
        String leader = gateway.userToken("leader1");
        byte[] scan = Arrays.copyOf(Uploads.PDF, 4 * 1024 * 1024);

        // The service refuses before it reads the body; what it left unread must not break the connection the gateway
        // is still sending on (a broken pipe was answered 503 "not answering" and counted against the service).
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> answer = Uploads.pdf(gateway, "000.10.20.30.H29-261205-0001", "scan", leader, scan);

            assertThat(answer.statusCode()).as("attempt " + attempt).isEqualTo(403);
            assertThat(answer.body()).contains("urn:motcua:problem:forbidden");
        }
    }

    private Map<String, String> tokensOfEveryRole() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("citizen", gateway.userToken("citizen1"));
        tokens.put("officer", gateway.userToken("officer1"));
        tokens.put("specialist", gateway.userToken("specialist1"));
        tokens.put("leader", gateway.userToken("leader1"));
        tokens.put("postal-operator", gateway.userToken("postal1"));
        tokens.put("ops", gateway.userToken("ops1"));
        tokens.put("portal", gateway.clientToken("portal-hanoi", "portal-hanoi-local-secret"));
        tokens.put("chatbot", gateway.clientToken("zalo-oa-hanoi", "zalo-oa-hanoi-local-secret"));
        return tokens;
    }
}
