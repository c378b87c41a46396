package vn.motcua.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import vn.motcua.gateway.balancing.ServiceInstances;

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
                .withDefaultRequestConfigCustomizer(request -> request.setConnectionRequestTimeout(Timeout.of(timeout)))
                // A proxy passes the service's answer on as it is: no decompression (the caller's Accept-Encoding goes
                // through), no cookie store shared between callers, no second call when the service answered (a 503
                // with Retry-After is the caller's to act on), and no look-up of a system proxy per call.
                .withHttpClientCustomizer(client -> client
                        .disableContentCompression()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .setRetryStrategy(new OnlyUnansweredCallsRetried())
                        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE)));
    }

    /** Sends calls on as the gateway's default does, watched for answers a service breaks off. */
    @Bean
    ProxyExchange proxyExchange(RestClient.Builder client, GatewayMvcProperties properties, ServiceInstances instances,
            CircuitBreakerRegistry breakers) {
        return new BrokenOffAnswers(new RestClientProxyExchange(client.build(), properties), instances, breakers);
    }

    /**
     * Retries, once, only an idempotent call that got no answer at all (a pooled connection the
     * service had just closed); never a call the service answered, whatever the status.
     */
    static final class OnlyUnansweredCallsRetried extends DefaultHttpRequestRetryStrategy {
        OnlyUnansweredCallsRetried() {
            super(1, TimeValue.ZERO_MILLISECONDS);
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }
    }
}
