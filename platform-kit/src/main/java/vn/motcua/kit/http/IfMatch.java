package vn.motcua.kit.http;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The version a client read and sends back in If-Match (an ETag such as {@code "3"} or
 * {@code W/"3"}), so that a change made by someone else in between is refused instead of
 * overwritten. A controller takes it as a parameter, like {@code Caller}.
 *
 * @param version the version, or null when the client sent no If-Match
 */
public record IfMatch(Long version) {
    public static final String HEADER = "If-Match";

    public static IfMatch parse(String header) {
        if (header == null) {
            return new IfMatch(null);
        }
        try {
            return new IfMatch(Long.parseLong(header.replace("W/", "").replace("\"", "").strip()));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("bad-if-match", "If-Match must be the ETag you read, a version such as \"3\"");
        }
    }

    public boolean isPresent() {
        return version != null;
    }

    /** For changes that must not be made blind: 428 when the client sent no If-Match. */
    public long required(String what) {
        if (version == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "Precondition required",
                    "Send If-Match with the version of " + what + " you edited, so a parallel edit is not overwritten");
        }
        return version;
    }

    /**
     * The answer when the version sent is no longer the current one, or another change won the
     * write after the check: 412, as RFC 9110 has an If-Match that does not hold answered, with
     * the version to read again.
     *
     * @param type the problem's type, naming what changed ({@code stale-procedure-version})
     */
    public static ApiProblem stale(String type, String detail, long currentVersion) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, type, "Changed since you read it", detail)
                .with("currentVersion", currentVersion);
    }
}
