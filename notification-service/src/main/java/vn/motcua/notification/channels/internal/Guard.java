package vn.motcua.notification.channels.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.SendOutcome;

/**
 * What stands between the platform and one provider: its rate limit (never more sends a second
 * than it allows, each try counted), a short retry of a transient failure inside the call, and a
 * circuit breaker over both (when half of the last 20 messages failed even after their retries, the
 * provider is left alone for 30 s and messages wait instead of piling on). Longer retries are the
 * notification's own, stored with it.
 */
final class Guard {
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    /** Thrown by a call the provider could not take now; retried, counted by the breaker. */
    static final class Busy extends RuntimeException {
        Busy(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * How long a send waits for the provider's rate to allow it. Each send has a virtual thread of
     * its own, so waiting costs nothing; with 2 s, a burst past two seconds' worth of the rate was
     * put off by the notification's own retry (30 s, then minutes) and its first message left 18 s
     * after submission at 25 submissions a second (load benchmark, ADR 0020). Well under the 60 s
     * the sender has before the sweeper may take the notification over.
     */
    private static final Duration WAIT_FOR_RATE = Duration.ofSeconds(20);

    Guard(String provider, ChannelProperties.Terms terms) {
        retry = Retry.of(provider, RetryConfig.custom().maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
                .retryExceptions(Busy.class).build());
        breaker = CircuitBreaker.of(provider, CircuitBreakerConfig.custom().slidingWindowSize(20).minimumNumberOfCalls(10)
                .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(30)).recordExceptions(Busy.class).build());
        limiter = RateLimiter.of(provider, RateLimiterConfig.custom().limitForPeriod(Math.max(1, terms.ratePerSecond()))
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(WAIT_FOR_RATE).build());
    }

    SendOutcome call(Supplier<SendOutcome> send) {
        // The breaker counts messages, not tries: one that got through on its second try is a success.
        Supplier<SendOutcome> guarded = CircuitBreaker.decorateSupplier(breaker,
                Retry.decorateSupplier(retry, RateLimiter.decorateSupplier(limiter, send)));
        try {
            return guarded.get();
        } catch (Busy busy) {
            return new SendOutcome.TryLater(busy.getMessage());
        } catch (CallNotPermittedException open) {
            return new SendOutcome.TryLater("the provider keeps failing; calls paused (circuit open)");
        } catch (RequestNotPermitted limited) {
            return new SendOutcome.TryLater("the provider's rate limit is reached");
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
