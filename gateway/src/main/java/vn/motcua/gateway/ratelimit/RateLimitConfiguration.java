package vn.motcua.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.kit.problem.ProblemResponses;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** After Spring Security's chain (order -100): the client is known from the checked token. */
    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(RateLimitProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<RateLimits> registration = new FilterRegistrationBean<>(new RateLimits(properties, problems));
        registration.setOrder(0);
        return registration;
    }
}
