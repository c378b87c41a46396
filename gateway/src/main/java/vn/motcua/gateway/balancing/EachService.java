package vn.motcua.gateway.balancing;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/** Spring Cloud LoadBalancer's context of one service (round robin, its default): the instances come from {@link ServiceInstances}. */
class EachService {

    @Bean
    ServiceInstanceListSupplier configuredInstances(ServiceInstances instances, Environment environment) {
        String service = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return service;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.defer(() -> Flux.just(instances.available(service)));
            }
        };
    }
}
