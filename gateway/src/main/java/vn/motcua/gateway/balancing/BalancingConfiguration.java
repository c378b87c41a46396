package vn.motcua.gateway.balancing;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The services' instances, read from {@code motcua.services}, and the probes that keep them right. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = EachService.class)
class BalancingConfiguration {

    @Bean
    ServiceInstances serviceInstances(Environment environment) {
        Map<String, String> urls = Binder.get(environment)
                .bind("motcua.services", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return new ServiceInstances(urls);
    }

    @Bean
    ReadinessProbes readinessProbes(ServiceInstances instances,
            @Value("${motcua.gateway.readiness-probe-interval:1s}") Duration interval,
            @Value("${motcua.gateway.readiness-probe-timeout:5s}") Duration timeout) {
        return new ReadinessProbes(instances, interval, timeout);
    }
}
