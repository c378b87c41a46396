package vn.motcua.kit.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values of a read model of published versions (calendars, catalog entries, policies), read from
 * storage and served again from memory for a short while. Every request that decides by them reads
 * them, and they change a few times a year: holding them takes those reads off the storage (ADR 0027).
 *
 * <p>The instance that takes a new version forgets what it held, so its next read sees it; the other
 * instances of the service, whose consumers did not get that event, follow within {@code freshFor}.
 * A value not found is not held: a key a caller made up costs a read, never memory, and a version
 * published a moment later is seen at once.
 */
public final class RecentReads<K, V> {
    private record Held<V>(V value, long readAt) {
    }

    private final ConcurrentHashMap<K, Held<V>> held = new ConcurrentHashMap<>();
    private final AtomicLong forgettings = new AtomicLong();
    private final long freshForNanos;
    private final LongSupplier nanoTime;

    public RecentReads(Duration freshFor) {
        this(freshFor, System::nanoTime);
    }

    RecentReads(Duration freshFor, LongSupplier nanoTime) {
        this.freshForNanos = freshFor.toNanos();
        this.nanoTime = nanoTime;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        long now = nanoTime.getAsLong();
        Held<V> known = held.get(key);
        if (known != null && now - known.readAt() < freshForNanos) {
            return Optional.of(known.value());
        }
        long before = forgettings.get();
        Optional<V> value = read.apply(key);
        if (value.isPresent() && freshForNanos > 0) {
            Held<V> fresh = new Held<>(value.get(), now);
            held.put(key, fresh);
            if (forgettings.get() != before) {
                // A version was taken while this read was under way: what it read may be the older one.
                held.remove(key, fresh);
            }
        }
        return value;
    }

    /** After this instance took a new version of {@code key}: its next read goes to storage. */
    public void forget(K key) {
        forgettings.incrementAndGet();
        held.remove(key);
    }

    public void forgetAll() {
        forgettings.incrementAndGet();
        held.clear();
    }
}
