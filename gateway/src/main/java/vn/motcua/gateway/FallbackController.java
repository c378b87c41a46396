package vn.motcua.gateway;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.gateway.balancing.ServiceInstances;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.Causes;
import vn.motcua.kit.problem.ProblemInstance;

/**
 * Where a route's circuit breaker forwards a call that failed, timed out or was not attempted.
 * Internal: reached only by that forward, never from outside, and not in the API document.
 */
@RestController
@Hidden
class FallbackController {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ServiceInstances instances;

    FallbackController(ServiceInstances instances) {
        this.instances = instances;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.FORWARD) {
            throw ApiProblem.noEndpoint();
        }
        Object cause = request.getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Throwable failure = cause instanceof Throwable thrown ? thrown : null;
        Optional<ApiProblem> callers = CallersFault.problemOf(failure);
        if (callers.isPresent()) {
            return ResponseEntity.status(callers.get().status()).body(asked(callers.get(), request));
        }
        if (Causes.find(failure, ConnectException.class).isPresent()
                && request.getAttribute(MvcUtils.GATEWAY_REQUEST_URL_ATTR) instanceof URI called) {
            instances.refusedAt(called);
        }
        log.warn("{} did not answer {} {}: {}", service, request.getMethod(), request.getRequestURI(),
                cause == null ? "circuit open" : cause.toString());
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable", detail(service, request, failure)).with("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(asked(problem, request));
    }

    /**
     * A change the service was given and did not answer in time may have been made: "nothing was changed", said of every
     * failure, sent an officer who had approved a dossier to approve it again, into a conflict. A call never sent (the
     * service refused the connection, the breaker open) and a read changed nothing.
     */
    private static String detail(String service, HttpServletRequest request, Throwable failure) {
        boolean change = !SAFE_METHODS.contains(request.getMethod());
        if (change && Causes.find(failure, SocketTimeoutException.class).isPresent()) {
            return "The " + service + " service did not answer in time, so whether it did what was asked is not known: read"
                    + " the resource again before repeating the change, or repeat it with the same Idempotency-Key";
        }
        return "The " + service + " service is not answering right now; nothing was changed by this gateway, retry later"
                + " (with the same Idempotency-Key for a creation)";
    }

    private static ProblemDetail asked(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail detail = problem.toProblemDetail();
        detail.setInstance(ProblemInstance.of(request));
        return detail;
    }
}
