package vn.motcua.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per route (named after the service), all with these settings. They are
 * set as the Resilience4j registries' defaults: the factory consults the registries' "default"
 * configuration before its own, so a factory customizer alone would leave Resilience4j's
 * one-second time limit in place and cut off ordinary slow calls.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerSettings {

    @Bean
    TimeLimiterRegistry timeLimiterRegistry(@Value("${motcua.gateway.timeout}") Duration timeout) {
        return TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(timeout).build());
    }

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
