package vn.motcua.localstack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Work the services hold in memory once the load has stopped, which no consumer lag shows: events
 * committed in a document and not yet handed to Kafka (every service's outbox hand-offs), and
 * notifications handed to a sender and not through with their attempt. Read as an operator reads
 * it, from each instance's Prometheus endpoint with the operations role.
 */
final class HeldWork {
    /** The gauges that count held work (the kit's outbox and the notification service's senders). */
    static final List<String> GAUGES = List.of("motcua_outbox_handoffs_active", "motcua_notification_sends_active");

    private final StackConfig config;
    private final OperatorMetrics metrics;

    HeldWork(StackConfig config) {
        this.config = config;
        this.metrics = new OperatorMetrics(config);
    }

    /** Held work by instance ("notification", "notification#2"), only where there is some. */
    Map<String, Long> byInstance() {
        Map<String, Long> held = new TreeMap<>();
        for (String service : StackPorts.SERVICES) {
            add(held, service, config.ports().service(service));
            if (config.instances() > 1) {
                add(held, service + "#2", config.ports().secondInstances().get(service));
            }
        }
        return held;
    }

    private void add(Map<String, Long> held, String instance, int port) {
        long count = count(metrics.scrape(port));
        if (count > 0) {
            held.put(instance, count);
        }
    }

    /** The sum of the held-work gauges in a Prometheus text exposition, every label set included. */
    static long count(String exposition) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            for (String gauge : GAUGES) {
                if (line.startsWith(gauge + " ") || line.startsWith(gauge + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Math.round(sum);
    }
}
