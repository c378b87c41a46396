package vn.motcua.kit.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code instance} of a problem answered from a forward or an error page: the path the caller
 * asked for. Spring fills in the path being handled, which there is {@code /error} or the gateway's
 * {@code /fallback/...}, a path the caller never sent and cannot quote.
 */
public final class ProblemInstance {
    private ProblemInstance() {
    }

    public static URI of(HttpServletRequest request) {
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(asked instanceof String)) {
            asked = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        }
        String path = asked instanceof String original ? original : request.getRequestURI();
        try {
            return new URI(path);
        } catch (URISyntaxException notAsSent) {
            return quoted(path);
        }
    }

    /** A path Tomcat let through but URI syntax refuses (a stray {@code %}): its illegal characters quoted. */
    private static URI quoted(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException unquotable) {
            return URI.create("about:blank");
        }
    }
}
