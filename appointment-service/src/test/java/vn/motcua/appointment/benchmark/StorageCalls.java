package vn.motcua.appointment.benchmark;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the commands the service sends to the database, by command name: the storage round trips a
 * booking makes, everything the service does in the background while it runs included.
 */
final class StorageCalls implements CommandListener {
    private final Map<String, LongAdder> byCommand = new ConcurrentHashMap<>();

    /** Registers this counter on the service's Mongo client before the context starts. */
    ApplicationContextInitializer<ConfigurableApplicationContext> registered() {
        MongoClientSettingsBuilderCustomizer listening = settings -> settings.addCommandListener(this);
        return context -> context.getBeanFactory().registerSingleton("benchmarkStorageCalls", listening);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        byCommand.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byCommand.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }

    /** Adds the commands sent between two snapshots to {@code total}: the calls of one kind of request among others. */
    static void add(Map<String, Long> total, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((name, count) -> total.merge(name, count - before.getOrDefault(name, 0L), Long::sum));
    }

    /** Commands per request between two snapshots, e.g. {@code find 3.0, update 2.0 (total 5.0)}. */
    static String perRequest(Map<String, Long> before, Map<String, Long> after, int requests) {
        StringBuilder line = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long calls = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (calls > 0) {
                line.append(line.isEmpty() ? "" : ", ").append(String.format("%s %.2f", entry.getKey(), (double) calls / requests));
                total += calls;
            }
        }
        return line + String.format(" (total %.2f)", (double) total / requests);
    }
}
