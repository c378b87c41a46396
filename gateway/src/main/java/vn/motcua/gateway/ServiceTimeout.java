package vn.motcua.gateway;

import java.util.Set;
import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A call the service was given and did not answer in time, before its status or in the middle of its
 * body: 504 {@code service-timeout}. A change may have been made: "nothing was changed" sent an officer
 * who had approved a dossier to approve it again, into a conflict. A read changed nothing.
 */
final class ServiceTimeout {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private ServiceTimeout() {
    }

    static ApiProblem problem(String service, String method) {
        String detail = SAFE_METHODS.contains(method)
                ? "The " + service + " service did not answer in time; a read changes nothing, so it can be asked again later"
                : "The " + service + " service did not answer in time, so whether it did what was asked is not known: read"
                        + " the resource again before repeating the change, or repeat it with the same Idempotency-Key";
        return new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service did not answer in time", detail)
                .with("service", service);
    }
}
