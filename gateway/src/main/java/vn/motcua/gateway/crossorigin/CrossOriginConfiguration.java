package vn.motcua.gateway.crossorigin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.motcua.kit.problem.ProblemResponses;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrossOriginProperties.class)
class CrossOriginConfiguration {

    /**
     * After the in-flight limit and the correlation id, before the token check and the rate limits: a preflight carries
     * no token, and costs no service a call.
     */
    @Bean
    FilterRegistrationBean<PortalOrigins> portalOrigins(CrossOriginProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<PortalOrigins> registration = new FilterRegistrationBean<>(
                new PortalOrigins(properties.origins(), properties.preflightKeptFor(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
