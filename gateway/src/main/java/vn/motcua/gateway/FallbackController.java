package vn.motcua.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;

/** Where a route's circuit breaker sends a call that failed, timed out or was not attempted. */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, HttpServletRequest request) {
        Object cause = request.getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} did not answer {} {}: {}", service, request.getMethod(), request.getRequestURI(),
                cause == null ? "circuit open" : cause.toString());
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable", "The " + service + " service is not answering right now; nothing was "
                        + "changed by this gateway, retry later (with the same Idempotency-Key for a creation)")
                .with("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(problem.toProblemDetail());
    }
}
