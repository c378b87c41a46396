package vn.motcua.localstack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed piece of CPU-bound work, timed on one thread of the launcher while the stack is idle:
 * how fast this machine runs at that moment. On the shared host the same build's runs spent a fifth
 * more or less CPU per submission from one run to the next, with little steal time to show for it
 * (docs/performance.md). Before two runs' rounds are compared, their probes say whether the machine
 * itself was faster in one of them.
 *
 * <p>The work is what a service's request is made of: hashing and boxing into a map of strings,
 * and sorting. The best of several tries is kept, so that the JIT's first compilations and a
 * collection in between do not count.
 */
final class MachineSpeed {
    private static final int TRIES = 7;
    private static final int KEYS = 200_000;
    private static final int SORTED = 1_000_000;

    private MachineSpeed() {
    }

    /** @return the best time of the fixed work, in milliseconds */
    static double probeMillis() {
        long best = Long.MAX_VALUE;
        long checksum = 0;
        for (int i = 0; i < TRIES; i++) {
            long started = System.nanoTime();
            checksum += work();
            best = Math.min(best, System.nanoTime() - started);
        }
        // Used, so that the work cannot be optimised away.
        if (checksum == 42) {
            throw new IllegalStateException("unexpected checksum");
        }
        return best / 1e6;
    }

    /** The line a round prints before it starts. */
    static String describe(double millis) {
        return "%.0f ms for the fixed probe (best of %d on one thread, the stack idle; lower is a faster machine)".formatted(millis, TRIES);
    }

    private static long work() {
        SplittableRandom random = new SplittableRandom(20261203);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            map.merge("key-" + random.nextInt(KEYS), i, Integer::sum);
        }
        long[] values = new long[SORTED];
        for (int i = 0; i < SORTED; i++) {
            values[i] = random.nextLong();
        }
        Arrays.sort(values);
        return map.size() + values[SORTED / 2];
    }
}
