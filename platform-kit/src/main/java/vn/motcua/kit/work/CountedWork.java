package vn.motcua.kit.work;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work a service does off the caller's thread, each task on a virtual thread of its own, and
 * counted in a gauge from the moment it is handed over until it ends: work the service holds in
 * memory, which no consumer lag shows (the load harness waits for every such gauge to be zero).
 */
public final class CountedWork {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong active = new AtomicLong();

    /** @param gauge the gauge's name, e.g. {@code motcua.outbox.handoffs.active} */
    public CountedWork(String gauge, String description, MeterRegistry meters) {
        Gauge.builder(gauge, active, AtomicLong::get).description(description).register(meters);
    }

    /** Runs the task soon; it counts as active until it returns or throws. */
    public void start(Runnable task) {
        active.incrementAndGet();
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    active.decrementAndGet();
                }
            });
        } catch (RuntimeException notTaken) {
            active.decrementAndGet();
            throw notTaken;
        }
    }

    /** Takes no more work and waits up to {@code grace} for what was handed over. */
    public void stop(Duration grace) throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
