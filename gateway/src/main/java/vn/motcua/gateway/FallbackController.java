package vn.motcua.gateway;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
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
 *
 * <p>A call the service was given and did not answer in time is 504 {@code service-timeout}: the
 * service may be working on it, and a change may have been made. A call never given to the service
 * (the connection refused or not made within its time, no pooled connection free, the breaker open)
 * is 503 {@code service-unavailable}: nothing was done with it.
 */
@RestController
@Hidden
class FallbackController {

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
        ApiProblem problem = answerTimedOut(failure) ? ServiceTimeout.problem(service, request.getMethod())
                : new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        "The " + service + " service is not answering right now; nothing was changed by this gateway, retry"
                                + " later (with the same Idempotency-Key for a creation)").with("service", service);
        return ResponseEntity.status(problem.status()).header("Retry-After", "5")
                .body(asked(problem, request));
    }

    /**
     * Whether the service was given the call and its answer did not come in time. HttpClient's connect timeout is a
     * {@link SocketTimeoutException} too, but a call whose connection was never made was never sent.
     */
    private static boolean answerTimedOut(Throwable failure) {
        return Causes.find(failure, SocketTimeoutException.class).isPresent()
                && Causes.find(failure, ConnectTimeoutException.class).isEmpty();
    }

    private static ProblemDetail asked(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail detail = problem.toProblemDetail();
        detail.setInstance(ProblemInstance.of(request));
        return detail;
    }
}
