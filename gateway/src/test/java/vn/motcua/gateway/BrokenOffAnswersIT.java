package vn.motcua.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.testinfra.LoopbackServer;
import vn.motcua.testinfra.RawAnswer;

/**
 * A service that dies half-way through its answer, behind the real gateway on a real socket: the
 * caller learns that the call failed, in a problem when nothing of the answer had left yet, or by
 * the connection closing before the answer's end; never a whole-looking answer, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BrokenOffAnswersIT {
    private static final LoopbackServer BROKEN = BrokenOffService.start();

    @LocalServerPort
    int gatewayPort;
    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StandIns.everyServiceAt(registry, BROKEN::url);
        registry.add("motcua.gateway.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        BROKEN.close();
    }

    /** Each test starts with the service's breaker closed and its window empty, whatever the one before it broke. */
    @BeforeEach
    void closeTheBreaker() {
        breakers.circuitBreaker("dossier").reset();
    }

    @Test
    void aServiceThatBreaksOffAnswerAfterAnswerOpensItsBreakerAndCallersGetTheFallbackAtOnce() {
        CircuitBreaker dossier = breakers.circuitBreaker("dossier");
        int broken = 0;
        while (dossier.getState() == CircuitBreaker.State.CLOSED && broken < 20) {
            assertThat(RawAnswer.send(gatewayPort, "/api/v1/public/chunked/100", "Connection: close").status()).isEqualTo(502);
            broken++;
        }
        // Before, each of these calls counted as a success (its status came), and the breaker never opened.
        assertThat(dossier.getState()).as("after %d answers broken off", broken).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(dossier.getMetrics().getNumberOfFailedCalls()).isEqualTo(broken);

        RawAnswer fallback = RawAnswer.send(gatewayPort, "/api/v1/public/chunked/100", "Connection: close");
        assertThat(fallback.status()).isEqualTo(503);
        assertThat(fallback.body()).contains("\"service\":\"dossier\"").doesNotContain("answer-broken-off");
    }

    @Test
    void aServiceThatBreaksOffBeforeAnythingWasPassedOnIsA502NamingItNotA500(CapturedOutput output) {
        for (String path : new String[] {"/api/v1/public/chunked/100", "/api/v1/public/sized/100"}) {
            RawAnswer answer = RawAnswer.send(gatewayPort, path, "Connection: close");

            assertThat(answer.status()).as(path).isEqualTo(502);
            assertThat(answer.head()).as(path).containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("X-Correlation-Id:")
                    // The service's Content-Length was for its own body: kept, it cut the problem off (or left the caller waiting).
                    .doesNotContainIgnoringCase("content-length: 200");
            assertThat(answer.body()).as(path).contains("\"type\":\"urn:motcua:problem:answer-broken-off\"")
                    .contains("\"service\":\"dossier\"").doesNotContain("xxxx");
        }
        assertThat(output.getOut()).contains("dossier broke off its answer to GET /api/v1/public/chunked/100 after 100 bytes")
                .doesNotContain("Unexpected error");
    }

    @Test
    void aServiceGoneQuietInTheMiddleOfItsBodyIsAGatewayTimeoutAsBeforeItsStatus(CapturedOutput output) {
        RawAnswer answer = RawAnswer.send(gatewayPort, "/api/v1/public/quiet/100", "Connection: close");

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json")
                .doesNotContainIgnoringCase("content-length: 200");
        assertThat(answer.body()).contains("\"type\":\"urn:motcua:problem:service-timeout\"").contains("\"service\":\"dossier\"")
                .contains("a read changes nothing").doesNotContain("xxxx");
        assertThat(output.getOut()).contains("dossier broke off its answer to GET /api/v1/public/quiet/100 after 100 bytes");
    }

    @Test
    void aServiceThatBreaksOffAfterTheAnswerBeganHasTheCallersConnectionClosedBeforeItsEnd(CapturedOutput output) {
        RawAnswer chunked = RawAnswer.send(gatewayPort, "/api/v1/public/chunked/200000");
        RawAnswer sized = RawAnswer.send(gatewayPort, "/api/v1/public/sized/200000");

        // Before, a problem was appended to the partial body and the answer ended as if whole (chunked), or the
        // caller waited for bytes that never came (sized): RawAnswer fails on a connection left open.
        assertThat(chunked.status()).isEqualTo(200);
        assertThat(chunked.chunkedToItsEnd()).as("the answer's last chunk").isFalse();
        assertThat(sized.head()).containsIgnoringCase("content-length: 400000");
        assertThat(sized.body().length()).isLessThan(400_000);
        for (RawAnswer answer : new RawAnswer[] {chunked, sized}) {
            assertThat(answer.body()).doesNotContain("urn:motcua:problem");
        }
        assertThat(output.getOut()).contains("dossier broke off its answer to GET /api/v1/public/sized/200000 after 200000 bytes")
                .doesNotContain("Unexpected error").doesNotContain(" ERROR ");
    }
}
