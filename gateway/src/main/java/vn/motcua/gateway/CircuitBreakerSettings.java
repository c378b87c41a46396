package vn.motcua.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per route (named after the service), all with these settings, set as the
 * Resilience4j registry's default (the factory consults it before its own). The breakers have no
 * time limiter: it ran every proxied call on a thread of its own; a slow call is cut off by the
 * HTTP client's read timeout ({@code motcua.gateway.timeout}) instead (ADR 0010).
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
                .build());
    }
}
