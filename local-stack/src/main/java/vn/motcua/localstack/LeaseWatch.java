package vn.motcua.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;

/**
 * Watches the services' cluster leases (each a document in the service's {@code leases} collection)
 * once a second while the faults run: which instances held each job and how often it changed hands.
 * With two instances of every service, a job must move to the survivor when its holder is killed,
 * and a lease names one holder at a time by construction (one document, one owner).
 *
 * <p>It reads the services' databases by name and never asks the server to list them: the wire
 * server answers a listing by opening every database afresh over the same H2 maps, and an empty
 * {@code _id} index it finds there (a collection of short-lived documents, such as the relays'
 * claims were until ADR 0030, between two of them) it rebuilds beside the collection's own writers,
 * without their lock. Sampled once a second under load, that left a key in the index whose document
 * was gone, and the relay refused that dossier's claim for ever (ADR 0025 addendum).
 */
final class LeaseWatch implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(1);

    /** One job's lease over the run: its distinct holders, how often it changed hands, and the samples that found it held. */
    record Held(int holders, int handOvers, int samplesHeld, int samples) {
    }

    private final StackConfig config;
    private final Duration every;
    private final Map<String, Tracked> leases = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread watcher;
    private int samples;

    private static final class Tracked {
        private final Set<String> holders = new HashSet<>();
        private String last;
        private int handOvers;
        private int samplesHeld;
    }

    LeaseWatch(StackConfig config) {
        this(config, EVERY);
    }

    LeaseWatch(StackConfig config, Duration every) {
        this.config = config;
        this.every = every;
        this.watcher = Thread.ofVirtual().name("lease-watch").start(this::watch);
    }

    private void watch() {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            while (running.get()) {
                try {
                    sample(mongo);
                } catch (RuntimeException storageAway) {
                    // The wire server is being killed and restarted: the next sample sees it again.
                }
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private synchronized void sample(MongoClient mongo) {
        samples++;
        for (String service : StackPorts.SERVICES) {
            MongoDatabase db = mongo.getDatabase("motcua-" + service);
            for (Document lease : db.getCollection("leases").find()) {
                if (lease.getDate("expiresAt") == null || lease.getDate("expiresAt").toInstant().isBefore(Instant.now())) {
                    continue;
                }
                Tracked tracked = leases.computeIfAbsent(service + " " + lease.getString("_id"),
                        name -> new Tracked());
                String owner = lease.getString("owner");
                tracked.holders.add(owner);
                if (tracked.last != null && !tracked.last.equals(owner)) {
                    tracked.handOvers++;
                }
                tracked.last = owner;
                tracked.samplesHeld++;
            }
        }
    }

    /** Each job's lease, by service and name, as watched so far. */
    synchronized Map<String, Held> held() {
        Map<String, Held> held = new TreeMap<>();
        leases.forEach((name, tracked) -> held.put(name, new Held(tracked.holders.size(), tracked.handOvers, tracked.samplesHeld, samples)));
        return held;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        watcher.interrupt();
        watcher.join(5_000);
    }
}
