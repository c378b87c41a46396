package vn.motcua.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import vn.motcua.kit.problem.ApiProblem;

class CallersFaultTest {

    @Test
    void aQueryTomcatCannotDecodeIsA400ForTheCallerAndNotTheServicesFailure() {
        RuntimeException failure = new IllegalStateException("proxy", new InvalidParameterException("Character decoding failed"));

        assertThat(CallersFault.problemOf(failure)).map(ApiProblem::status).contains(HttpStatus.BAD_REQUEST);
        assertThat(CallersFault.problemOf(failure).orElseThrow().toProblemDetail().getType())
                .isEqualTo(ApiProblem.typeOf("malformed-query"));
        assertThat(CallersFault.isCallers(failure)).isTrue();
        assertThat(CallersFault.answeredByContainer(failure)).isFalse();
    }

    @Test
    void aBodyThatCouldNotBeReadFromTheCallerIsAnsweredByTomcatAndNotCountedAgainstTheService() {
        RuntimeException brokenChunk = new ResourceAccessException("I/O error", new BadRequestException("Invalid chunk header"));
        RuntimeException tooSlow = new UncheckedIOException(new ClientAbortException(new SocketTimeoutException("Read timed out")));

        for (RuntimeException failure : new RuntimeException[] {brokenChunk, tooSlow}) {
            assertThat(CallersFault.answeredByContainer(failure)).isTrue();
            assertThat(CallersFault.isCallers(failure)).isTrue();
        }
    }

    @Test
    void aServiceThatRefusesTheConnectionIsTheServicesFailure() {
        RuntimeException refused = new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
        RuntimeException reset = new ResourceAccessException("I/O error", new IOException("Connection reset"));

        for (RuntimeException failure : new RuntimeException[] {refused, reset}) {
            assertThat(CallersFault.isCallers(failure)).isFalse();
            assertThat(CallersFault.problemOf(failure)).isEmpty();
        }
    }
}
