package vn.motcua.gateway.balancing;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

/**
 * The instances of every service behind the gateway and whether each is taking requests. An
 * instance is passed over from the moment a call to it could not connect or its readiness probe
 * failed, until a probe finds it ready again. When none of a service's instances is taking
 * requests, all are offered: the call fails, the breaker counts it and the fallback answers, as
 * with one instance.
 */
public final class ServiceInstances {
    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    private final Map<String, List<Instance>> byService = new LinkedHashMap<>();

    /** One instance and what the gateway last learnt of it. */
    static final class Instance {
        private final ServiceInstance address;
        private volatile boolean taking = true;

        Instance(ServiceInstance address) {
            this.address = address;
        }

        ServiceInstance address() {
            return address;
        }

        boolean taking() {
            return taking;
        }
    }

    /** @param urls each service's instances, comma-separated base URLs (http://host:port) */
    ServiceInstances(Map<String, String> urls) {
        urls.forEach((service, list) -> {
            List<Instance> instances = new ArrayList<>();
            for (String url : list.split(",")) {
                URI base = URI.create(url.strip());
                String id = service + "@" + base.getHost() + ":" + base.getPort();
                instances.add(new Instance(new DefaultServiceInstance(id, service, base.getHost(), base.getPort(),
                        "https".equals(base.getScheme()))));
            }
            byService.put(service, List.copyOf(instances));
        });
    }

    /** The instances to choose among now: those taking requests, or all when none is. */
    List<ServiceInstance> available(String service) {
        List<Instance> all = byService.getOrDefault(service, List.of());
        List<ServiceInstance> taking = all.stream().filter(Instance::taking).map(Instance::address).toList();
        return taking.isEmpty() ? all.stream().map(Instance::address).toList() : taking;
    }

    /** Every instance of the services that have more than one: only there is there a choice to keep right. */
    List<Instance> probed() {
        return byService.values().stream().filter(instances -> instances.size() > 1).flatMap(List::stream).toList();
    }

    /** The service an instance at this address belongs to. */
    public Optional<String> serviceAt(URI called) {
        return at(called).map(instance -> instance.address.getServiceId()).findFirst();
    }

    /**
     * A call to this address could not even connect (the route's breaker saw it): the instance is
     * passed over at once, before the next probe would find it gone.
     */
    public void refusedAt(URI called) {
        at(called).forEach(instance -> mark(instance, false, "a call could not connect"));
    }

    private Stream<Instance> at(URI called) {
        return byService.values().stream().flatMap(List::stream)
                .filter(instance -> instance.address.getHost().equals(called.getHost()) && instance.address.getPort() == called.getPort());
    }

    void mark(Instance instance, boolean taking, String why) {
        if (instance.taking != taking) {
            instance.taking = taking;
            log.info("{} {} ({})", instance.address.getInstanceId(), taking ? "takes requests again" : "passed over", why);
        }
    }
}
