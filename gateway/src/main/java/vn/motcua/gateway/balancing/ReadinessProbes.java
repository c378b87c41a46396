package vn.motcua.gateway.balancing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Asks every instance of a service that runs more than once whether it is ready, at a steady
 * pace: a killed or restarting instance is passed over within one interval even when no call has
 * failed on it yet, and taken back once it answers ready.
 */
final class ReadinessProbes implements SmartLifecycle {
    private final ServiceInstances instances;
    private final Duration interval;
    private final Duration timeout;
    private final HttpClient http;
    private ScheduledExecutorService schedule;

    ReadinessProbes(ServiceInstances instances, Duration interval, Duration timeout) {
        this.instances = instances;
        this.interval = interval;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void probeAll() {
        for (ServiceInstances.Instance instance : instances.probed()) {
            probe(instance);
        }
    }

    /**
     * An answer other than 200, or no connection, passes the instance over; a slow answer changes
     * nothing: a busy instance is still working, and passing it over would pile its share on the other.
     */
    private void probe(ServiceInstances.Instance instance) {
        URI readiness = URI.create(instance.address().getUri() + "/actuator/health/readiness");
        try {
            int status = http.send(HttpRequest.newBuilder(readiness).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            instances.mark(instance, status == 200, status == 200 ? "ready" : "readiness answered " + status);
        } catch (HttpTimeoutException slow) {
            // Busy, not gone: judged again at the next probe.
        } catch (IOException gone) {
            instances.mark(instance, false, "readiness not answered: " + gone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (instances.probed().isEmpty()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("readiness-probes").factory());
        schedule.scheduleWithFixedDelay(this::probeAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
