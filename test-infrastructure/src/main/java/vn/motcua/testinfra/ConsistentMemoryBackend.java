package vn.motcua.testinfra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import vn.motcua.wireserver.IdLookup;
import vn.motcua.wireserver.IdLookupMemoryBackend;

/**
 * The wire server's in-memory backend, answering each command with a copy of its reply taken while
 * no write runs. mongo-java-server hands its encoder the stored documents themselves: a write that
 * changes one while another connection's reply holding it is being encoded fails that reply
 * ({@code ConcurrentModificationException} in its encoder), the driver then clears its whole
 * connection pool, and every operation in flight fails. Tests with hundreds of concurrent writers
 * (RoomCapsIT) failed so about once in a few full runs; MongoDB itself has no such race.
 *
 * <p>A query naming one {@code _id} is served by the {@code _id} index whatever else it asks, as on
 * MongoDB ({@link IdLookup}): the outbox's claim of a document is such a query, and the outbox
 * benchmark runs it against 100,000 stored dossiers.
 */
final class ConsistentMemoryBackend extends IdLookupMemoryBackend {
    /** Commands that only read stored documents: they may run together, never beside a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate");

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        boolean read = !command.isEmpty() && READS.contains(command.keySet().iterator().next().toLowerCase());
        Lock held = read ? lock.readLock() : lock.writeLock();
        held.lock();
        try {
            Document reply = super.handleMessage(message);
            return reply == null ? null : reply.cloneDeeply();
        } finally {
            held.unlock();
        }
    }
}
