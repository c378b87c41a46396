package vn.motcua.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.ConfigBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Resilience4j circuit breaker per route (named after the service), all with these settings,
 * each run on the request's own thread. Spring Cloud's Resilience4j factory hands every call to an
 * unbounded cached thread pool even with its time limiter disabled: under the load benchmark's
 * overload that pool grew past 500 threads and the gateway ran out of heap. A slow call is cut off
 * by the HTTP client's read timeout ({@code motcua.gateway.timeout}) and a wait for a pooled
 * connection by its lease timeout, both counted by the breaker (ADR 0010, ADR 0020).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerSettings {

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                // A request refused as it was sent on (too large, a control character, unreadable) says nothing
                // of the service: a flood of such requests must not open the breaker for everyone else.
                .ignoreException(CallersFault::isCallers)
                .build());
    }

    @Bean
    CircuitBreakerFactory<CircuitBreakerConfig, ConfigBuilder<CircuitBreakerConfig>> circuitBreakerFactory(
            CircuitBreakerRegistry registry) {
        return new OnCallersThread(registry);
    }

    /** Breakers from the registry, each call decorated in place: no executor, no thread hop. */
    static final class OnCallersThread extends CircuitBreakerFactory<CircuitBreakerConfig, ConfigBuilder<CircuitBreakerConfig>> {
        private final CircuitBreakerRegistry registry;

        OnCallersThread(CircuitBreakerRegistry registry) {
            this.registry = registry;
        }

        @Override
        public CircuitBreaker create(String id) {
            var breaker = registry.circuitBreaker(id);
            return new CircuitBreaker() {
                @Override
                public <T> T run(Supplier<T> call, Function<Throwable, T> fallback) {
                    try {
                        return breaker.executeSupplier(call);
                    } catch (RuntimeException failure) {
                        if (CallersFault.answeredByContainer(failure)) {
                            // Tomcat has answered already; a forward to the fallback would find the answer sent.
                            throw failure;
                        }
                        return fallback.apply(failure);
                    }
                }
            };
        }

        @Override
        protected ConfigBuilder<CircuitBreakerConfig> configBuilder(String id) {
            return registry::getDefaultConfig;
        }

        @Override
        public void configureDefault(Function<String, CircuitBreakerConfig> defaultConfiguration) {
            // The registry's default is the configuration: set above, in one place.
        }
    }
}
