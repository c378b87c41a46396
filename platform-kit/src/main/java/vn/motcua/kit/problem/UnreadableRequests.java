package vn.motcua.kit.problem;

import java.util.Optional;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * Requests the container could not read: a query string that is not percent-encoded UTF-8, a body
 * whose chunked framing is broken, a caller that stopped sending or went away. Each is the caller's
 * doing and can never succeed as sent, so it is never a 5xx, and at the gateway never a failure of
 * the service behind it.
 */
public final class UnreadableRequests {
    private UnreadableRequests() {
    }

    /** The problem to answer when this failure is a query string Tomcat could not decode. */
    public static Optional<ApiProblem> malformedQuery(Throwable failure) {
        return Causes.find(failure, InvalidParameterException.class).map(invalid -> ApiProblem.badRequest("malformed-query",
                "The query string is not valid percent-encoded UTF-8; encode each parameter's value and send it again"));
    }

    /**
     * True when reading the caller's body failed. Tomcat has then already chosen the answer (400 for
     * broken framing, 408 for a caller too slow) or nobody is left to hear one.
     */
    public static boolean bodyUnread(Throwable failure) {
        return Causes.find(failure, BadRequestException.class).isPresent()
                || Causes.find(failure, ClientAbortException.class).isPresent();
    }
}
