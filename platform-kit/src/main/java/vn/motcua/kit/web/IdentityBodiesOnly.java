package vn.motcua.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ProblemResponses;

/**
 * Nothing here decodes a compressed request body, so a body sent with a {@code Content-Encoding}
 * (gzip, br, …) is refused with 415 and {@code Accept-Encoding: identity} (RFC 9110, 15.5.16)
 * before anything reads it. Read as it came, its bytes were taken for plain JSON: a compressed
 * body got "malformed", and a plain one wrongly labelled was accepted.
 */
public class IdentityBodiesOnly extends OncePerRequestFilter {
    private final ProblemResponses problems;

    public IdentityBodiesOnly(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (coding == null || coding.isBlank() || "identity".equalsIgnoreCase(coding.strip())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(response, new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-encoding-not-accepted",
                "Content encoding not accepted", "Request bodies are taken as they are, without a Content-Encoding ("
                        + coding.strip() + " was sent); send the body uncompressed"));
    }
}
