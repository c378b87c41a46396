package vn.motcua.gateway.balancing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private final HttpClient http;
    private ScheduledExecutorService schedule;

    ReadinessProbes(ServiceInstances instances, Duration interval) {
        this.instances = instances;
        this.interval = interval;
        this.http = HttpClient.newBuilder().connectTimeout(interval).build();
    }

    void probeAll() {
        for (ServiceInstances.Instance instance : instances.probed()) {
            String answer = ask(instance);
            instances.mark(instance, answer == null, answer == null ? "ready" : answer);
        }
    }

    /** @return null when ready, else what was wrong */
    private String ask(ServiceInstances.Instance instance) {
        URI readiness = URI.create(instance.address().getUri() + "/actuator/health/readiness");
        try {
            int status = http.send(HttpRequest.newBuilder(readiness).timeout(interval).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : "readiness answered " + status;
        } catch (IOException e) {
            return "readiness not answered: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
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
