package vn.motcua.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How busy a service's event consumers were over a stretch of load, from Spring Kafka's listener
 * timer ({@code spring.kafka.listener}): each consumer thread's records a second, their mean
 * handling time, and its share of the wall clock spent handling. A thread near 100 % is a queue
 * that grows; one far below it waits on nothing of its own, and a slow first message then waited
 * elsewhere (the shared cores, the storage). Each thread serves the partitions it was dealt, in order.
 */
final class ListenerTimes {
    /** The kit's consumer of the service's event topics (its dead-letter twin is left out). */
    private static final String EVENTS_LISTENER = "motcua-events-";
    private static final Pattern TIMER = Pattern.compile("^spring_kafka_listener_seconds_(count|sum)\\{(.*)} (\\S+)$");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern FAILURE = Pattern.compile("result=\"failure\"");

    /** Records handled and seconds spent, by listener thread, at a moment. */
    record Snapshot(Instant at, Map<String, Handled> byThread) {
    }

    /** @param failed attempts that threw (each retry of a record is timed again) */
    record Handled(double records, double seconds, double failed) {
        Handled plus(Handled other) {
            return new Handled(records + other.records, seconds + other.seconds, failed + other.failed);
        }
    }

    private ListenerTimes() {
    }

    static Snapshot of(OperatorMetrics metrics, int port) {
        return parse(Instant.now(), metrics.scrape(port));
    }

    /** Every result (success or failure) of each events listener thread, summed. */
    static Snapshot parse(Instant at, String exposition) {
        Map<String, Handled> byThread = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher timer = TIMER.matcher(line);
            if (!timer.matches()) {
                continue;
            }
            Matcher name = NAME.matcher(timer.group(2));
            if (!name.find() || !name.group(1).startsWith(EVENTS_LISTENER)) {
                continue;
            }
            double value = Double.parseDouble(timer.group(3));
            boolean count = "count".equals(timer.group(1));
            boolean failed = FAILURE.matcher(timer.group(2)).find();
            Handled add = new Handled(count ? value : 0, count ? 0 : value, count && failed ? value : 0);
            byThread.merge(name.group(1).substring(EVENTS_LISTENER.length()), add, Handled::plus);
        }
        return new Snapshot(at, byThread);
    }

    /**
     * "thread 0: 7.6 records/s, 34 ms each, busy 26 %" (and ", 3 attempts failed" when some did), one per
     * thread that handled anything between the two.
     */
    static List<String> between(Snapshot before, Snapshot after) {
        double elapsed = Duration.between(before.at(), after.at()).toMillis() / 1000.0;
        List<String> lines = new ArrayList<>();
        after.byThread().forEach((thread, now) -> {
            Handled then = before.byThread().getOrDefault(thread, new Handled(0, 0, 0));
            double records = now.records() - then.records();
            double seconds = now.seconds() - then.seconds();
            double failed = now.failed() - then.failed();
            if (records > 0 && elapsed > 0) {
                lines.add("thread %s: %.1f records/s, %.0f ms each, busy %.0f %%%s".formatted(thread, records / elapsed,
                        1000 * seconds / records, 100 * seconds / elapsed,
                        failed > 0 ? ", %.0f attempts failed".formatted(failed) : ""));
            }
        });
        return lines;
    }
}
