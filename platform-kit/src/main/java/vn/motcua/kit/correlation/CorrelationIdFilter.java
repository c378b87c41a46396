package vn.motcua.kit.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's when acceptable, else a new one. It goes
 * to the logs (MDC), back to the caller, and on to whatever this request calls or publishes:
 * the request is wrapped so that a proxy (the gateway) forwards the header too.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = Correlation.acceptOrCreate(request.getHeader(Correlation.HEADER));
        Correlation.set(correlationId);
        response.setHeader(Correlation.HEADER, correlationId);
        try {
            chain.doFilter(new WithCorrelationHeader(request, correlationId), new OneCorrelationHeader(response));
        } finally {
            Correlation.clear();
        }
    }

    /**
     * Keeps the id this filter set as the only one: a proxy copies the service's answer, whose header
     * holds the same id again, and a caller's client joined the two into "id, id".
     */
    private static final class OneCorrelationHeader extends HttpServletResponseWrapper {
        OneCorrelationHeader(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (Correlation.HEADER.equalsIgnoreCase(name)) {
                return;
            }
            super.addHeader(name, value);
        }

        @Override
        public void setHeader(String name, String value) {
            if (Correlation.HEADER.equalsIgnoreCase(name)) {
                return;
            }
            super.setHeader(name, value);
        }
    }

    private static final class WithCorrelationHeader extends HttpServletRequestWrapper {
        private final String correlationId;

        WithCorrelationHeader(HttpServletRequest request, String correlationId) {
            super(request);
            this.correlationId = correlationId;
        }

        @Override
        public String getHeader(String name) {
            return Correlation.HEADER.equalsIgnoreCase(name) ? correlationId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return Correlation.HEADER.equalsIgnoreCase(name)
                    ? Collections.enumeration(Set.of(correlationId)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(Correlation.HEADER::equalsIgnoreCase);
            names.add(Correlation.HEADER);
            return Collections.enumeration(names);
        }
    }
}
