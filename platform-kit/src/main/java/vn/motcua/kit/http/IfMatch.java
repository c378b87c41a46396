package vn.motcua.kit.http;

import vn.motcua.kit.problem.ApiProblem;

/** Reads the version a client sends back in If-Match, from an ETag such as {@code "3"} or {@code W/"3"}. */
public final class IfMatch {
    private IfMatch() {
    }

    /** @return the version, or null when the header is absent */
    public static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("bad-if-match", "If-Match must be the ETag you read, a version such as \"3\"");
        }
    }
}
