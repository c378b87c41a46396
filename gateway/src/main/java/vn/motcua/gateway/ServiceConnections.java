package vn.motcua.gateway;

import java.time.Duration;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connections from the gateway to the services. Apache HttpClient's own defaults allow 5
 * connections per service: 32 callers of one service then queued for a connection. A call that
 * takes longer than {@code motcua.gateway.timeout} fails here (the breaker counts it and the
 * fallback answers): the HTTP client's timeout replaces Resilience4j's time limiter, which ran
 * every proxied call on a thread of its own (ADR 0010).
 */
@Configuration(proxyBeanMethods = false)
class ServiceConnections {
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(2);

    @Bean
    ClientHttpRequestFactoryBuilder<?> serviceClient(@Value("${motcua.gateway.connections-per-service}") int perService,
            @Value("${motcua.gateway.timeout}") Duration timeout) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(perService).setMaxConnTotal(perService * 5))
                .withConnectionConfigCustomizer(connection -> connection
                        .setConnectTimeout(Timeout.of(CONNECT_WITHIN))
                        .setSocketTimeout(Timeout.of(timeout)))
                // A call waits for a pooled connection no longer than for an answer: HttpClient's default
                // wait is three minutes, and under overload calls queued far past any client's patience.
                .withDefaultRequestConfigCustomizer(request -> request.setConnectionRequestTimeout(Timeout.of(timeout)));
    }
}
