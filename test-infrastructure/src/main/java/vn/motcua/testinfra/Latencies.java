package vn.motcua.testinfra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How the benchmarks measure: clients started together on virtual threads, each call's time
 * recorded, and the figures they print (nearest-rank percentiles, in milliseconds).
 */
public final class Latencies {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    /** One client's work; it records what it times with {@link #record}. */
    @FunctionalInterface
    public interface Client {
        void work() throws Exception;
    }

    public void record(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    /** Starts {@code clients} copies of the client at the same instant and waits for all. @return the wall time in nanoseconds */
    public static long runTogether(int clients, Client client) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        long began;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                workers.add(threads.submit(() -> {
                    start.await();
                    client.work();
                    return null;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return System.nanoTime() - began;
    }

    public int count() {
        return nanos.size();
    }

    /** The recorded times, sorted. */
    public List<Long> sorted() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted;
    }

    /** The p-th percentile (nearest rank) of sorted nanoseconds, in milliseconds; 0 for none. */
    public static double percentileMillis(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** The largest of sorted nanoseconds, in milliseconds; 0 for none. */
    public static double maxMillis(List<Long> sorted) {
        return sorted.isEmpty() ? 0 : sorted.getLast() / 1e6;
    }
}
