package vn.motcua.gateway.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ProblemResponses;

class InFlightLimitTest {
    private final InFlightLimit limit = new InFlightLimit(2, new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void aRequestBeyondTheLimitIsShedWithA503ProblemAndRetryAfterWhileTheOthersGoOn() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger served = new AtomicInteger();
        Runnable slowCall = () -> {
            try {
                limit.doFilter(new MockHttpServletRequest("POST", "/api/v1/dossiers"), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    await(release);
                    served.incrementAndGet();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Thread first = Thread.ofVirtual().start(slowCall);
        Thread second = Thread.ofVirtual().start(slowCall);
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse shed = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("GET", "/api/v1/procedures"), shed, (req, res) -> served.incrementAndGet());

        assertThat(shed.getStatus()).isEqualTo(503);
        assertThat(shed.getContentType()).startsWith("application/problem+json");
        assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shed.getContentAsString()).contains("\"title\":\"Overloaded\"");
        release.countDown();
        first.join();
        second.join();
        assertThat(served).hasValue(2);

        MockHttpServletResponse afterwards = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("GET", "/api/v1/procedures"), afterwards, (req, res) -> served.incrementAndGet());
        assertThat(afterwards.getStatus()).as("places are given back when calls end").isEqualTo(200);
        assertThat(served).hasValue(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
