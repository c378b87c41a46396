package vn.motcua.kit.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of something the service cannot work without, judged by asking it a question that
 * needs a round trip, within a time limit: a probe must answer quickly, and a database or broker
 * that is gone makes a driver wait far longer (server selection, metadata) than a probe may.
 */
abstract class Reachability implements HealthIndicator {
    private static final ExecutorService PROBES = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration timeout;

    Reachability(Duration timeout) {
        this.timeout = timeout;
    }

    /** The round trip; returns a detail worth showing (a version, a node count). */
    abstract Object ask() throws Exception;

    abstract String what();

    @Override
    public Health health() {
        Future<Object> answer = PROBES.submit((Callable<Object>) this::ask);
        try {
            return Health.up().withDetail(what(), answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS)).build();
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Health.down().withDetail(what(), "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail(what(), String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail(what(), "interrupted").build();
        }
    }
}
