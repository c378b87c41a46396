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
 * and sorting. The launcher runs it once while the stack warms up, so that the JIT's compilations
 * are done before any round; the best of the tries leaves out a collection in between, and the
 * median says how steady the machine was.
 */
final class MachineSpeed {
    private static final int TRIES = 15;
    private static final int KEYS = 200_000;
    private static final int SORTED = 1_000_000;

    /**
     * @param bestMillis the fastest try
     * @param medianMillis the middle one: how steady the machine was meanwhile
     */
    record Probe(double bestMillis, double medianMillis) {
        /** The line a round prints before it starts. */
        String describe() {
            return "fixed probe %.0f ms best, %.0f ms median of %d tries on one thread, the stack idle (lower is a faster machine)"
                    .formatted(bestMillis, medianMillis, TRIES);
        }
    }

    private MachineSpeed() {
    }

    static Probe probe() {
        long[] nanos = new long[TRIES];
        long checksum = 0;
        for (int i = 0; i < TRIES; i++) {
            long started = System.nanoTime();
            checksum += work();
            nanos[i] = System.nanoTime() - started;
        }
        // Used, so that the work cannot be optimised away.
        if (checksum == 42) {
            throw new IllegalStateException("unexpected checksum");
        }
        Arrays.sort(nanos);
        return new Probe(nanos[0] / 1e6, nanos[TRIES / 2] / 1e6);
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
