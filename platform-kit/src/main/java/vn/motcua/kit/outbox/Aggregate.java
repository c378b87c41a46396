package vn.motcua.kit.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * An aggregate whose changes publish events. The events wait in the aggregate's own document
 * ({@code pendingEvents}) until the relay has published them, so state and events are always
 * written together in one single-document write guarded by {@link #version()}. Store it only
 * through {@link AggregateStore}: the relay watches the collection of every subclass.
 *
 * <p>{@code appliedEventIds} are the events of other services this aggregate has already
 * reacted to (see {@link AggregateStore#applyOnce}); a consumer changing an aggregate skips an
 * event found there, whatever the aggregate's state has become since.
 */
public abstract class Aggregate {
    public static final String PENDING_EVENTS = "pendingEvents";
    public static final String APPLIED_EVENT_IDS = "appliedEventIds";
    /** When the oldest event still waiting was stored: what the relay's safety net looks for (indexed). */
    public static final String WAITING_SINCE = "outboxSince";

    @Version
    private Long version;
    private List<OutboxEntry> pendingEvents = new ArrayList<>();
    private List<String> appliedEventIds = new ArrayList<>();
    private Instant outboxSince;
    /** This instance's last write left its events to the next write (see {@link AggregateStore#insertOnceBeforeNextWrite}). */
    @Transient
    private boolean publicationDeferred;

    public abstract String id();

    public Long version() {
        return version;
    }

    /** The events stored with this aggregate and not yet published, in the order they happened. */
    public List<OutboxEntry> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    void append(List<OutboxEntry> entries, Instant now) {
        pendingEvents.addAll(entries);
        if (!entries.isEmpty() && outboxSince == null) {
            outboxSince = now;
        }
    }

    void deferPublication() {
        publicationDeferred = true;
    }

    /** Whether the events of this instance's last write wait for its next write to be handed to the relay. */
    boolean publicationDeferred() {
        return publicationDeferred;
    }

    /** @return whether events wait for this write to be handed to the relay; they do not wait any longer */
    boolean takeDeferredPublication() {
        boolean deferred = publicationDeferred;
        publicationDeferred = false;
        return deferred;
    }

    void applied(String eventId) {
        appliedEventIds.add(eventId);
    }
}
