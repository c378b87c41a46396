package vn.motcua.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool of connections from the gateway to the services. Apache HttpClient's own defaults
 * allow 5 connections per service: 32 callers of one service then queued for a connection, and
 * a catalog read through the gateway ran at 0.43-0.50 of the direct rate (ADR 0010).
 */
@Configuration(proxyBeanMethods = false)
class ServiceConnections {

    @Bean
    ClientHttpRequestFactoryBuilder<?> serviceClient(@Value("${motcua.gateway.connections-per-service}") int perService) {
        return ClientHttpRequestFactoryBuilder.httpComponents().withConnectionManagerCustomizer(
                pool -> pool.setMaxConnPerRoute(perService).setMaxConnTotal(perService * 5));
    }
}
