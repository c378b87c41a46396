package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * Requests a hostile client sends, over a real socket to the real container: each gets a 4xx
 * problem+json, whoever refuses it (Tomcat, the firewall, the kit, MVC).
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=kit-hostile-test")
@InfrastructureTest
class HostileRequestsIT {
    @LocalServerPort
    int port;

    record Answer(int status, String head, String body) {
    }

    @Test
    void malformedPathsAreRefusedWithProblemJson() throws IOException {
        for (String path : List.of("/api/v1/ops/kit-hostile-test/dead-letters/a%2fb", "/api/v1/%2e%2e%2fsecret",
                "/api/v1/ops/x%00y", "/api/v1/..;/actuator/env", "/api/v1/ops/kit-hostile-test/dead-letters/;jsessionid=1",
                "/" + "a".repeat(10_000), "/api/v1/" + "x".repeat(100_000), "/no/such/route")) {
            Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null);
            assertThat(answer.status()).as(abbreviated(path)).isBetween(400, 499);
            assertThat(answer.head()).as(abbreviated(path)).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer.body()).as(abbreviated(path)).contains("\"status\":" + answer.status())
                    .doesNotContain("static resource");
        }
    }

    @Test
    void theErrorPageAskedForByItsAddressIsNotFoundNotAServerFailure() throws IOException {
        for (String method : List.of("GET", "POST", "DELETE")) {
            Answer answer = send(method + " /error HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    null);

            assertProblem(answer, 404, "http-404");
            assertThat(answer.body()).contains(ApiProblem.NO_ENDPOINT);
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413BeforeAnythingReadsIt() throws IOException {
        Answer answer = postJson("", new byte[20 * 1024 * 1024]);

        assertProblem(answer, 413, "body-too-large");
    }

    @Test
    void malformedTokensAndHeadersAreRefusedWithProblemJson() throws IOException {
        Answer malformedToken = send("GET /api/v1/ops/kit-hostile-test/dead-letters HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer not a token\r\nConnection: close\r\n\r\n", null);
        Answer controlCharacter = send("GET /api/v1/ops/kit-hostile-test/dead-letters HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Note: bell\u0007here\r\nConnection: close\r\n\r\n", null);

        assertThat(malformedToken.status()).isEqualTo(401);
        assertThat(malformedToken.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(controlCharacter.status()).isBetween(400, 499);
        assertThat(controlCharacter.head()).containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void anUnknownMethodIsAClientError() throws IOException {
        for (String method : List.of("PATCH", "PUT", "DELETE", "TRACE", "PROPFIND", "CONNECT")) {
            Answer answer = send(method + " /api/v1/ops/kit-hostile-test/dead-letters HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n", null);
            assertThat(answer.status()).as(method).isBetween(400, 499);
            assertThat(answer.head()).as(method).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer.body()).as(method).doesNotContain("internal-error")
                    .doesNotContain("\"instance\":\"/error\"");
            if ("TRACE".equals(method)) {
                // Refused by Tomcat before any filter, answered by the error page: it names what was asked.
                assertThat(answer.body()).contains("\"instance\":\"/api/v1/ops/kit-hostile-test/dead-letters\"");
            }
        }
    }

    @Test
    void aRequestInAProtocolTheContainerDoesNotSpeakIsAClientErrorNotTheServers() throws IOException {
        Answer version = send("GET /api/v1/ops/kit-hostile-test/dead-letters HTTP/2.0\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n", null);
        Answer coding = send("POST /api/v1/ops/kit-hostile-test/dead-letters/redrive HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: xchunked\r\nConnection: close\r\n\r\n0\r\n\r\n", null);

        for (Answer answer : List.of(version, coding)) {
            assertProblem(answer, 400, "http-400");
        }
    }

    @Test
    void aCompressedBodyIsRefusedWith415BeforeAnythingReadsIt() throws IOException {
        Answer answer = postJson("Content-Encoding: gzip\r\nConnection: close\r\n", "{}".getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 415, "content-encoding-not-accepted");
        assertThat(answer.head()).containsIgnoringCase("accept-encoding: identity");
    }

    /** A JSON body to an endpoint that reads one, with these extra header lines. */
    private Answer postJson(String headers, byte[] body) throws IOException {
        return send("POST /api/v1/ops/kit-hostile-test/dead-letters/redrive HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private static void assertProblem(Answer answer, int status, String slug) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer.body()).contains("urn:motcua:problem:" + slug);
    }

    private Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // The server answered and closed before taking the whole body: read its answer.
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? response : response.substring(0, split);
            String responseBody = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Answer(status, responseHead, responseBody);
        }
    }

    private static String abbreviated(String path) {
        return path.length() > 60 ? path.substring(0, 60) + "…(" + path.length() + " chars)" : path;
    }
}
