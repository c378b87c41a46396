package vn.motcua.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ProblemResponses;

/**
 * Token buckets per client, per IP address on the public look-up (which otherwise lets anyone
 * enumerate codes and id numbers), and per IP address on the other calls without a token (the
 * public catalog and calendar). Runs after the token check, so the client is known; a request
 * past its limit is answered 429 problem+json with Retry-After, and every limited answer carries
 * RateLimit-Limit, -Remaining and -Reset. Buckets live in this instance's memory, each instance
 * enforcing its share of the limits (ADR 0008); the least recently used are forgotten past
 * {@value #MAX_KEYS} keys, so many addresses cannot exhaust the memory.
 */
public class RateLimits extends OncePerRequestFilter {
    static final int MAX_KEYS = 100_000;
    private static final String PUBLIC_LOOKUP = "/api/v1/public/dossier-status";
    private static final List<String> PROVIDER_CALLBACKS = List.of("/api/v1/payments/provider/", "/api/v1/notifications/provider/");

    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });

    public RateLimits(RateLimitProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key;
        RateLimitProperties.Limit limit;
        String client = clientOf();
        if (request.getRequestURI().startsWith(PUBLIC_LOOKUP)) {
            key = "lookup-ip:" + request.getRemoteAddr();
            limit = properties.forPublicLookup();
        } else if (client == null && PROVIDER_CALLBACKS.stream().anyMatch(request.getRequestURI()::startsWith)) {
            key = "callback-ip:" + request.getRemoteAddr();
            limit = properties.forProviderCallbacks();
        } else if (client == null) {
            key = "ip:" + request.getRemoteAddr();
            limit = properties.forPublicReads();
        } else {
            key = "client:" + client;
            limit = properties.forClient(client);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(limit.capacity()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long secondsToFull = (long) Math.ceil((double) (limit.capacity() - probe.getRemainingTokens()) / limit.perSecond());
        response.setHeader("RateLimit-Limit", String.valueOf(limit.capacity()));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", String.valueOf(secondsToFull));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        problems.write(response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests from " + (client == null ? "this address" : "client " + client)
                        + "; retry after " + retryAfter + " s").with("limit", limit.capacity()));
    }

    private static String clientOf() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            String azp = token.getToken().getClaimAsString("azp");
            return azp != null ? azp : token.getToken().getSubject();
        }
        return null;
    }
}
