package vn.motcua.gateway;

import java.util.Optional;
import org.springframework.security.web.firewall.RequestRejectedException;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.BodyTooLarge;
import vn.motcua.kit.problem.Causes;

/**
 * A request refused while the gateway was sending it on, for something of its own (a body past the
 * size limit, a control character the firewall refuses): the caller's error, never the service's.
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
                .map(rejected -> ApiProblem.badRequest("request-rejected", rejected.getMessage()));
    }
}
