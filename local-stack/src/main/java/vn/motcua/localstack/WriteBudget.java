package vn.motcua.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;

/**
 * The storage side of the load benchmark: how many plain inserts a second the wire server takes
 * from a client (its ceiling, measured in the same run) and how many writes the stack's load caused,
 * by database and command, from the counts the wire server keeps.
 */
final class WriteBudget {
    private WriteBudget() {
    }

    /** Single-document inserts from {@code clients} concurrent clients for {@code duration}, per second. */
    static double ceiling(StackConfig config, int clients, Duration duration) throws InterruptedException {
        LongAdder inserted = new LongAdder();
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            MongoCollection<Document> scratch = mongo.getDatabase("motcua-bench-ceiling").getCollection("inserts");
            long end = System.nanoTime() + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < end) {
                        scratch.insertOne(new Document("kind", "ceiling").append("text", "Một Cửa").append("at", System.nanoTime()));
                        inserted.increment();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            mongo.getDatabase("motcua-bench-ceiling").drop();
        }
        return inserted.sum() / (duration.toNanos() / 1e9);
    }

    /** What was written between two snapshots of the wire server's counts, by database and command. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> written = new TreeMap<>();
        after.forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta > 0) {
                written.put(key, delta);
            }
        });
        written.keySet().removeIf(key -> key.startsWith("motcua-bench-ceiling"));
        return written;
    }

    /**
     * A MongoDB server's own count of the documents it inserted, updated and deleted since it started
     * (serverStatus {@code metrics.document}): the write budget on a server the stack did not start,
     * which keeps no count by database. Empty when the server does not say.
     */
    static Map<String, Long> serverCounts(String uri) {
        try (MongoClient mongo = MongoClients.create(uri)) {
            Document status = mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1));
            Document documents = status.get("metrics", new Document()).get("document", new Document());
            Map<String, Long> counts = new TreeMap<>();
            for (String kind : List.of("inserted", "updated", "deleted")) {
                if (documents.get(kind) instanceof Number count) {
                    counts.put("server documents " + kind, count.longValue());
                }
            }
            return counts;
        }
    }

    static long total(Map<String, Long> writes) {
        return writes.values().stream().mapToLong(Long::longValue).sum();
    }
}
