package vn.motcua.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentReadsTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RecentReads<String, Integer> reads = new RecentReads<>(Duration.ofSeconds(5), nanos::get);
    private final Map<String, Integer> storage = new HashMap<>(Map.of("2026", 1));
    private final AtomicInteger storageReads = new AtomicInteger();
    private final Function<String, Optional<Integer>> fromStorage = key -> {
        storageReads.incrementAndGet();
        return Optional.ofNullable(storage.get(key));
    };

    @Test
    void aValueReadIsServedFromMemoryWhileFreshAndReadAgainAfter() {
        assertThat(reads.get("2026", fromStorage)).contains(1);
        storage.put("2026", 2);
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(reads.get("2026", fromStorage)).contains(1);
        assertThat(storageReads).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(reads.get("2026", fromStorage)).contains(2);
        assertThat(storageReads).hasValue(2);
    }

    @Test
    void theInstanceThatTookANewVersionReadsItAtOnce() {
        reads.get("2026", fromStorage);
        storage.put("2026", 2);
        reads.forget("2026");
        assertThat(reads.get("2026", fromStorage)).contains(2);

        storage.put("2026", 3);
        reads.forgetAll();
        assertThat(reads.get("2026", fromStorage)).contains(3);
    }

    @Test
    void aValueNotFoundIsNotHeld() {
        assertThat(reads.get("2027", fromStorage)).isEmpty();
        storage.put("2027", 1);
        assertThat(reads.get("2027", fromStorage)).contains(1);
        assertThat(storageReads).hasValue(2);
    }

    @Test
    void aReadUnderWayWhenANewVersionIsTakenIsNotHeld() {
        Function<String, Optional<Integer>> readThatLosesTheRace = key -> {
            Optional<Integer> old = fromStorage.apply(key);
            storage.put(key, 2);
            reads.forget(key);
            return old;
        };
        assertThat(reads.get("2026", readThatLosesTheRace)).contains(1);
        assertThat(reads.get("2026", fromStorage)).contains(2);
    }

    @Test
    void nothingIsHeldWhenFreshForIsZero() {
        RecentReads<String, Integer> never = new RecentReads<>(Duration.ZERO, nanos::get);
        never.get("2026", fromStorage);
        never.get("2026", fromStorage);
        assertThat(storageReads).hasValue(2);
    }
}
