package vn.motcua.gateway.overload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ProblemResponses;

/**
 * At most {@code motcua.gateway.max-in-flight} requests inside the gateway at once; the next is
 * answered 503 with Retry-After at once, before its token is checked. On virtual threads nothing
 * else bounds them: when the services fell behind an open stream of arrivals, requests piled up
 * until the gateway's heap ran out and it stopped accepting connections at all (load benchmark,
 * ADR 0020). Shedding the excess keeps the gateway answering, and the services' backlog bounded.
 */
public class InFlightLimit extends OncePerRequestFilter {
    private final Semaphore inFlight;
    private final ProblemResponses problems;

    public InFlightLimit(int maxInFlight, ProblemResponses problems) {
        this.inFlight = new Semaphore(maxInFlight);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!inFlight.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            problems.write(response, new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded",
                    "The platform is answering as many requests as it can; nothing was done with this one,"
                            + " send it again in a moment (with the same Idempotency-Key for a creation)"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release();
        }
    }
}
