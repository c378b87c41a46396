package vn.motcua.gateway.overload;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.motcua.kit.problem.ProblemResponses;

@Configuration(proxyBeanMethods = false)
class OverloadConfiguration {

    /**
     * Right after the cross-origin label (so a portal's page reads the 503), before everything else: a request shed
     * costs no token check, no rate-limit bucket, no log line.
     */
    @Bean
    FilterRegistrationBean<InFlightLimit> inFlightLimit(@Value("${motcua.gateway.max-in-flight}") int maxInFlight,
            ProblemResponses problems) {
        FilterRegistrationBean<InFlightLimit> registration = new FilterRegistrationBean<>(new InFlightLimit(maxInFlight, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
