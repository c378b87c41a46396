package vn.motcua.gateway;

import java.util.Optional;
import org.springframework.security.web.firewall.RequestRejectedException;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.BodyTooLarge;
import vn.motcua.kit.problem.Causes;
import vn.motcua.kit.problem.UnreadableRequests;

/**
 * A request refused while the gateway was sending it on, for something of its own (a body past the
 * size limit, a control character the firewall refuses, a query or a body that cannot be read):
 * the caller's error, never the service's.
 * The breaker does not count it and the fallback answers it with the caller's problem; both ask
 * here, so a new kind of such refusal is named once.
 */
final class CallersFault {
    private CallersFault() {
    }

    /** @return the problem to answer the caller with, or empty when the failure is the service's */
    static Optional<ApiProblem> problemOf(Throwable failure) {
        Optional<BodyTooLarge> tooLarge = Causes.find(failure, BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return Optional.of(tooLarge.get().problem());
        }
        // Retrying changes nothing: the same request is refused the same way.
        return Causes.find(failure, RequestRejectedException.class)
                .map(rejected -> ApiProblem.badRequest("request-rejected", rejected.getMessage()))
                .or(() -> UnreadableRequests.malformedQuery(failure));
    }

    /**
     * The caller's body could not be read as it was sent on (broken chunked framing, a caller too slow
     * or gone): Tomcat has already answered it, so there is nothing for the fallback to say.
     */
    static boolean answeredByContainer(Throwable failure) {
        return UnreadableRequests.bodyUnread(failure);
    }

    /** Whether the failure is the caller's, which the breaker must not count against the service. */
    static boolean isCallers(Throwable failure) {
        return answeredByContainer(failure) || problemOf(failure).isPresent();
    }
}
