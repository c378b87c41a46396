package vn.motcua.kit.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CountedWorkTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountedWork work = new CountedWork("test.work.active", "work under test", meters);

    @Test
    void aTaskCountsFromItsHandOverUntilItEndsWhetherItReturnsOrThrows() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        work.start(() -> waitFor(release));
        work.start(() -> {
            waitFor(release);
            throw new IllegalStateException("the task failed");
        });

        assertThat(active()).isEqualTo(2.0);
        release.countDown();
        // The second task's exception is meant: Awaitility would otherwise take it, thrown on another
        // thread while it waits, for a failure of the wait (it did, whenever the task threw late enough).
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(5)).until(() -> active() == 0);
        work.stop(Duration.ofSeconds(1));
    }

    private double active() {
        return meters.get("test.work.active").gauge().value();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
