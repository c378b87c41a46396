package vn.motcua.gateway.crossorigin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ProblemResponses;

/**
 * A citizen's browser on a portal's site (another origin than the API's) may read the API's answers
 * when the portal's origin is listed. Tokens travel in the Authorization header, never in cookies,
 * so no answer is refused for its Origin: the browser keeps an unlisted site from reading it. A
 * preflight is answered here, before the token check it could never pass (it carries no token).
 */
final class PortalOrigins extends OncePerRequestFilter {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, "Idempotency-Key", HttpHeaders.IF_MATCH, "X-Correlation-Id");
    /** Headers a portal's script needs to read: versions, new resources, when to retry, what a rate limit leaves, files. */
    static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
            "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Correlation-Id", HttpHeaders.CONTENT_DISPOSITION);

    private final Set<String> allowed;
    private final Duration preflightKeptFor;
    private final ProblemResponses problems;
    private final Set<String> requestHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    PortalOrigins(Set<String> allowed, Duration preflightKeptFor, ProblemResponses problems) {
        this.allowed = allowed;
        this.preflightKeptFor = preflightKeptFor;
        this.problems = problems;
        requestHeaders.addAll(REQUEST_HEADERS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        boolean listed = allowed.contains(origin);
        String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if ("OPTIONS".equals(request.getMethod()) && method != null) {
            answerPreflight(origin, listed, method, request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS), response);
            return;
        }
        if (listed) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", EXPOSED));
        }
        chain.doFilter(request, response);
    }

    private void answerPreflight(String origin, boolean listed, String method, String headers, HttpServletResponse response)
            throws IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (!listed) {
            problems.write(response, refused("origin-not-allowed", "Pages of this origin may not call the API from a browser;"
                    + " a portal's origin is listed by the platform's operators"));
            return;
        }
        if (!METHODS.contains(method)) {
            problems.write(response, refused("method-not-allowed", "The API takes " + String.join(", ", METHODS)
                    + " from a browser").with("allowedMethods", METHODS));
            return;
        }
        List<String> unknown = headers == null ? List.of() : Arrays.stream(headers.split(",")).map(String::strip)
                .filter(name -> !name.isEmpty() && !requestHeaders.contains(name)).map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        if (!unknown.isEmpty()) {
            problems.write(response, refused("header-not-allowed", "The API does not read " + String.join(", ", unknown)
                    + " from a browser").with("allowedHeaders", REQUEST_HEADERS));
            return;
        }
        response.setStatus(HttpStatus.NO_CONTENT.value());
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", METHODS));
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", REQUEST_HEADERS));
        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, String.valueOf(preflightKeptFor.toSeconds()));
    }

    private static ApiProblem refused(String slug, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, slug, "Not allowed across origins", detail);
    }
}
