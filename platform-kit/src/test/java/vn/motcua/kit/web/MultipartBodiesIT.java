package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.RawAnswer;

/**
 * Multipart bodies over a real socket to the real container and its filters: a body is parsed only by
 * an endpoint that takes parts, once it is chosen and its checks have passed, never by the container
 * or a filter for every endpoint.
 */
@SpringBootTest(classes = {KitTestApplication.class, MultipartBodiesIT.Endpoints.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=kit-multipart-test", "motcua.security.public-paths=/api/v1/kit-test/**"})
@InfrastructureTest
class MultipartBodiesIT {
    private static final String CUT_SHORT = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF";

    @LocalServerPort
    int port;

    @RestController
    static class Endpoints {
        @PostMapping("/api/v1/kit-test/files")
        Map<String, Object> upload(@RequestParam String kind, @RequestPart MultipartFile file) throws IOException {
            return Map.of("kind", kind, "size", file.getBytes().length);
        }

        @PostMapping("/api/v1/kit-test/notes")
        Map<String, Object> note(@RequestBody Map<String, Object> note) {
            return note;
        }

        @PostMapping("/api/v1/kit-roles/files")
        @PreAuthorize("hasRole('officer')")
        Map<String, Object> officersUpload(@RequestPart MultipartFile file) {
            return Map.of("size", file.getSize());
        }

        /** A token is the caller's one role by name: the real server's signed tokens are the system test's. */
        @Bean
        JwtDecoder oneRoleTokens() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject("kit-test-" + token)
                    .claim("realm_access", Map.of("roles", List.of(token))).build();
        }
    }

    @Test
    void anUploadIsReadByTheEndpointThatTakesIt() {
        String body = "--zz\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nđơn\r\n"
                + "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "%PDF-1.4 one\r\n--zz--\r\n";

        RawAnswer answer = post("/api/v1/kit-test/files", "multipart/form-data; boundary=zz", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .contains("\"size\":12").contains("\"kind\":\"đơn\"");
    }

    @Test
    void aFileUnderTheUploadLimitReachesTheEndpointWhateverSpringsOwnLimitForOneFile() {
        String body = "--zz\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nscan\r\n"
                + "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "%PDF" + "x".repeat(2 * 1024 * 1024) + "\r\n--zz--\r\n";

        RawAnswer answer = post("/api/v1/kit-test/files", "multipart/form-data; boundary=zz", body);

        // Spring's default of 1 MB a file answered 413 "Maximum upload size exceeded" before the service's own check.
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"size\":" + (4 + 2 * 1024 * 1024));
    }

    @Test
    void aBrokenUploadIsRefusedAsMalformedByTheEndpointThatTakesIt() {
        RawAnswer answer = post("/api/v1/kit-test/files", "multipart/form-data; boundary=zz", CUT_SHORT);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer.body()).contains("urn:motcua:problem:malformed-multipart");
    }

    @Test
    void aBrokenMultipartBodySentToAnEndpointThatTakesJsonIsReportedAsABrokenBodyNotAsABrokenQuery() {
        RawAnswer answer = post("/api/v1/kit-test/notes", "multipart/form-data; boundary=zz", CUT_SHORT);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("urn:motcua:problem:malformed-multipart");
    }

    @Test
    void anUploadByARoleThatMayNotUploadIsRefusedBeforeItsBodyIsRead() {
        RawAnswer citizens = post("/api/v1/kit-roles/files", "multipart/form-data; boundary=zz", CUT_SHORT, "citizen");
        RawAnswer officers = post("/api/v1/kit-roles/files", "multipart/form-data; boundary=zz", CUT_SHORT, "officer");

        assertThat(citizens.status()).isEqualTo(403);
        assertThat(citizens.body()).contains("urn:motcua:problem:forbidden").contains("Only officer may do this");
        assertThat(officers.status()).isEqualTo(400);
        assertThat(officers.body()).contains("urn:motcua:problem:malformed-multipart");
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedWith415OnlyToARoleThatMayUpload() {
        RawAnswer citizens = post("/api/v1/kit-roles/files", "application/json", "{}", "citizen");
        RawAnswer officersJson = post("/api/v1/kit-roles/files", "application/json", "{}", "officer");
        RawAnswer officersMixed = post("/api/v1/kit-roles/files", "multipart/mixed; boundary=zz", CUT_SHORT, "officer");
        RawAnswer officersBroken = post("/api/v1/kit-roles/files", "multipart/form-data; boundary=\"zz", CUT_SHORT, "officer");

        // Spring chose an endpoint by a consumes= before any check ran: the citizen was told to send multipart.
        assertThat(citizens.status()).isEqualTo(403);
        assertThat(citizens.body()).contains("urn:motcua:problem:forbidden");
        for (RawAnswer officers : List.of(officersJson, officersMixed, officersBroken)) {
            assertThat(officers.status()).isEqualTo(415);
            assertThat(officers.head()).containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("accept: multipart/form-data");
        }
    }

    private RawAnswer post(String path, String contentType, String body) {
        return post(path, contentType, body, null);
    }

    private RawAnswer post(String path, String contentType, String body, String token) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawAnswer.exchange(port, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + (token == null ? "" : "\r\nAuthorization: Bearer " + token) + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
