package vn.motcua.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The wire server's backend, counting the writes each database receives (one per inserted
 * document, per update or delete statement, per find-and-modify): the load benchmark's write
 * budget of a submission comes from these counts, in every service at once.
 */
final class CountingBackend implements MongoBackend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private final MongoBackend backend;
    private final Runnable afterWrite;
    private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();
    private final Map<String, Cost> costs = new ConcurrentHashMap<>();

    /** Commands of one shape (database, command, collection, the filter's field names) and the time spent on them. */
    record Cost(LongAdder calls, LongAdder nanos) {
        Cost() {
            this(new LongAdder(), new LongAdder());
        }
    }

    CountingBackend(MongoBackend backend) {
        this(backend, () -> { });
    }

    /** @param afterWrite runs after each write command, before its answer goes back (e.g. committing it to the file) */
    CountingBackend(MongoBackend backend, Runnable afterWrite) {
        this.backend = backend;
        this.afterWrite = afterWrite;
    }

    /** Writes so far, by database and command, e.g. "motcua-dossier update". */
    Map<String, Long> writes() {
        Map<String, Long> copy = new TreeMap<>();
        writes.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    private static boolean isWrite(Document command) {
        return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next().toLowerCase());
    }

    private void count(String database, Document command) {
        if (!isWrite(command)) {
            return;
        }
        String name = command.keySet().iterator().next();
        int statements = switch (name.toLowerCase()) {
            case "insert" -> sizeOf(command.get("documents"));
            case "update" -> sizeOf(command.get("updates"));
            case "delete" -> sizeOf(command.get("deletes"));
            default -> 1;
        };
        writes.computeIfAbsent(database + " " + name, key -> new LongAdder()).add(statements);
    }

    private static int sizeOf(Object statements) {
        return statements instanceof List<?> list ? list.size() : 1;
    }

    /** Calls and time of one command shape at one moment. */
    record Usage(long calls, long nanos) {
        static final Usage NONE = new Usage(0, 0);

        Usage minus(Usage earlier) {
            return new Usage(calls - earlier.calls, nanos - earlier.nanos);
        }

        Usage plus(Usage other) {
            return new Usage(calls + other.calls, nanos + other.nanos);
        }
    }

    /**
     * Time spent on each collection ("motcua-notification notifications") between two looks at {@link #usage()},
     * waits for the collection included: mongo-java-server runs one command at a time per collection, so a
     * collection whose commands took more than a second each second had them waiting for one another.
     */
    static Map<String, Usage> byCollection(Map<String, Usage> before, Map<String, Usage> after) {
        Map<String, Usage> collections = new TreeMap<>();
        after.forEach((shape, usage) -> {
            String[] parts = shape.split(" ");
            String collection = parts.length < 3 ? parts[0] : parts[0] + " " + parts[2];
            collections.merge(collection, usage.minus(before.getOrDefault(shape, Usage.NONE)), Usage::plus);
        });
        return collections;
    }

    /** Time spent so far per command shape, e.g. "motcua-payment find orders [dossierCode]": where the storage's time goes. */
    Map<String, Usage> usage() {
        Map<String, Usage> snapshot = new TreeMap<>();
        costs.forEach((shape, cost) -> snapshot.put(shape, new Usage(cost.calls().sum(), cost.nanos().sum())));
        return snapshot;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        count(message.getDatabaseName(), command);
        long start = System.nanoTime();
        try {
            Document answer = backend.handleMessage(message);
            if (isWrite(command)) {
                afterWrite.run();
            }
            return answer;
        } finally {
            Cost cost = costs.computeIfAbsent(shapeOf(message.getDatabaseName(), command), key -> new Cost());
            cost.calls().increment();
            cost.nanos().add(System.nanoTime() - start);
        }
    }

    private static String shapeOf(String database, Document command) {
        if (command.isEmpty()) {
            return database;
        }
        String name = command.keySet().iterator().next();
        Object filter = command.get("filter");
        if (filter == null) {
            filter = command.get("query");
        }
        if (filter == null) {
            filter = firstStatementFilter(command.get("updates"));
        }
        if (filter == null) {
            filter = firstStatementFilter(command.get("deletes"));
        }
        String keys = filter instanceof Document document ? document.keySet().toString() : "";
        return database + " " + name + " " + command.get(name) + " " + keys;
    }

    /** The filter ({@code q}) of a batch's first update or delete statement. */
    private static Object firstStatementFilter(Object statements) {
        return statements instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Document first
                ? first.get("q") : null;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        count(database, query);
        Document answer = backend.handleCommand(channel, database, command, query);
        if (isWrite(query)) {
            afterWrite.run();
        }
        return answer;
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return backend.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
