package vn.motcua.kit.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {
    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void aCallersCorrelationIdIsKeptEchoedAndVisibleDownstream() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/procedures");
        request.addHeader(Correlation.HEADER, "portal-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenInLogs = new AtomicReference<>();
        AtomicReference<String> seenByProxy = new AtomicReference<>();

        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) {
                seenInLogs.set(Correlation.current());
                seenByProxy.set(((HttpServletRequest) req).getHeader(Correlation.HEADER));
            }
        });

        assertThat(response.getHeader(Correlation.HEADER)).isEqualTo("portal-42");
        assertThat(seenInLogs.get()).isEqualTo("portal-42");
        assertThat(seenByProxy.get()).isEqualTo("portal-42");
        assertThat(Correlation.current()).as("cleared after the request").isNull();
    }

    @Test
    void theAnswerCarriesOneIdEvenWhenAProxyCopiesTheServicesHeader() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/dossiers");
        request.addHeader(Correlation.HEADER, "portal-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) {
                HttpServletResponse answer = (HttpServletResponse) res;
                answer.addHeader(Correlation.HEADER, "portal-42");
                answer.setHeader("x-correlation-id", "something-else");
                answer.addHeader("RateLimit-Remaining", "199");
            }
        });

        assertThat(response.getHeaders(Correlation.HEADER)).containsExactly("portal-42");
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("199");
    }

    @Test
    void aMissingOrUnsafeIdIsReplacedByANewOne() throws Exception {
        for (String unsafe : new String[] {null, "", "line\r\nbreak", "x".repeat(65), "<script>"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
            if (unsafe != null) {
                request.addHeader(Correlation.HEADER, unsafe);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getHeader(Correlation.HEADER)).as(String.valueOf(unsafe))
                    .matches("[0-9a-f-]{36}");
        }
    }
}
