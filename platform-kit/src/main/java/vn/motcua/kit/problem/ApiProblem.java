package vn.motcua.kit.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a caller can act on, rendered as RFC 9457 problem+json. The {@code slug} gives the
 * stable {@code type} URI clients switch on; the detail is for people.
 */
public class ApiProblem extends RuntimeException {
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");
    public static final String TYPE_PREFIX = "urn:motcua:problem:";
    /** What a path no endpoint maps is told, wherever it is refused (MVC, the container's error page, the gateway). */
    public static final String NO_ENDPOINT = "No endpoint of this API answers this path; its API document lists those that do";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " was not found")
                .with("resource", what);
    }

    /** A path no endpoint maps: the same 404 whoever refuses it. */
    public static ApiProblem noEndpoint() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "http-404", "Not Found", NO_ENDPOINT);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ApiProblem unprocessable(String slug, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Request cannot be processed", detail);
    }

    /**
     * A member of the problem beside the standard ones. One of RFC 9457's own names (a resource's
     * {@code status} beside the HTTP status) would be written twice into one JSON object, and a
     * client keeping the last copy would read "AWAITING_RESULT" where the status code belongs.
     */
    public ApiProblem with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("A problem's own member " + name + " cannot be added as another; name it apart,"
                    + " such as current" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        properties.put(name, value);
        return this;
    }

    /** A response header to send with the problem, e.g. Retry-After for something worth retrying. */
    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(typeOf(slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static URI typeOf(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }
}
