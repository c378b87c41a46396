package vn.motcua.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.RawAnswer;

/**
 * An answer that fails after its first bytes have left (an export whose database goes away, a bug
 * half-way through a download), over a real socket to the real container: the caller must see a
 * failed call, not a whole-looking 200 with an error appended to a cut body.
 */
@SpringBootTest(classes = {KitTestApplication.class, CutShortAnswersIT.HalfAnswers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=kit-cut-short-test", "motcua.security.public-paths=/api/v1/kit-test/**"})
@InfrastructureTest
@ExtendWith(OutputCaptureExtension.class)
class CutShortAnswersIT {
    /** More than Tomcat buffers: the first of them leave before the failure. */
    private static final byte[] ROWS = "row;of;an;export\n".repeat(4_000).getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @RestController
    static class HalfAnswers {
        @GetMapping("/api/v1/kit-test/half-answers/{failure}")
        void halfAnswer(@PathVariable String failure, HttpServletResponse response) throws IOException {
            response.setContentType("text/csv");
            OutputStream out = response.getOutputStream();
            if (!failure.startsWith("before-")) {
                out.write(ROWS);
                out.flush();
            }
            throw failure.endsWith("storage") ? new DataAccessResourceFailureException("the database went away")
                    : new IllegalStateException("a bug half-way through");
        }

        /** Reads the body as a proxy does, without a converter between it and Tomcat's failure to read it. */
        @PostMapping("/api/v1/kit-test/half-answers/bodies")
        void readBody(HttpServletRequest request) throws IOException {
            request.getInputStream().readAllBytes();
        }
    }

    @Test
    void anAnswerWhoseDatabaseGoesAwayHalfWayIsCutShortNotEndedWithAProblemAppended(CapturedOutput output) {
        RawAnswer answer = RawAnswer.send(port, "/api/v1/kit-test/half-answers/storage");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.chunkedToItsEnd()).as("the answer's last chunk").isFalse();
        assertThat(answer.body()).contains("row;of;an;export").doesNotContain("urn:motcua:problem");
        assertThat(output.getOut()).contains("is cut short, the database went away while it was written")
                .doesNotContain("Unexpected error");
    }

    @Test
    void anAnswerABugBreaksHalfWayIsCutShortAndTheBugLoggedAsAnError(CapturedOutput output) {
        RawAnswer answer = RawAnswer.send(port, "/api/v1/kit-test/half-answers/bug");

        assertThat(answer.chunkedToItsEnd()).as("the answer's last chunk").isFalse();
        assertThat(answer.body()).doesNotContain("urn:motcua:problem");
        assertThat(output.getOut()).contains("ERROR").contains("is cut short by an unexpected error")
                .contains("IllegalStateException: a bug half-way through");
    }

    @Test
    void aFailureBeforeAnythingLeftIsStillAProblemInPlaceOfTheAnswer() {
        RawAnswer storage = RawAnswer.send(port, "/api/v1/kit-test/half-answers/before-storage", "Connection: close");

        assertThat(storage.status()).isEqualTo(503);
        assertThat(storage.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(storage.body()).contains("urn:motcua:problem:storage-unavailable");
    }

    @Test
    void aBodyTomcatCannotReadKeepsTomcatsAnswerWhichAlsoLooksCommitted() {
        // Tomcat has answered 400 and suspended the answer when the handler sees the failure: cut short, it became a 500.
        RawAnswer answer = RawAnswer.exchange(port, "POST /api/v1/kit-test/half-answers/bodies HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
    }
}
