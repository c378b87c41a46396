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

    /** Before every other filter, so that every refusal a portal's page may meet is one it can read. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    /**
     * First, before the in-flight limit's 503, the token check's 401 and the rate limits' 429: a page must read those
     * to tell the citizen to wait or sign in again. Labelling is a header lookup; a preflight carries no token and
     * costs no service a call.
     */
    @Bean
    FilterRegistrationBean<PortalOrigins> portalOrigins(CrossOriginProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<PortalOrigins> registration = new FilterRegistrationBean<>(
                new PortalOrigins(properties.origins(), properties.preflightKeptFor(), problems));
        registration.setOrder(ORDER);
        return registration;
    }
}
