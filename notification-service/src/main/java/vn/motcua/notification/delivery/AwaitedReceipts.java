package vn.motcua.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Notification;

/**
 * The notifications this instance has handed to a provider that answers with a receipt (SMS,
 * Zalo), kept in memory until the receipt comes: its handler takes the notification from here
 * instead of reading it back, and a receipt that overtook the sender's write waits here for it
 * rather than polling storage. Reading the notification back was a tenth of the calls a
 * submission made on the busiest collection, and more when the stack was slow (ADR 0034).
 *
 * <p>A kept copy is only a shortcut: its write is guarded by its version like any other, so a copy
 * that another instance, the sweeper or the citizen changed meanwhile fails the guard and the
 * receipt reads the notification from storage. A receipt that reaches another instance reads it
 * there. Each copy has one owner at a time: the sender until its attempt is through, then the
 * receipt that took it.
 */
@Component
class AwaitedReceipts {
    /** About 2 MB of copies; beyond it (a provider that stopped answering) receipts read storage. */
    static final int MAX_KEPT = 2_000;

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final Clock clock;

    AwaitedReceipts(Clock clock) {
        this.clock = clock;
    }

    /** @param until when the copy is dropped if no receipt took it: the receipt's due time, after which the sweeper acts */
    record Kept(CompletableFuture<Notification> copy, Instant until) {
    }

    /**
     * The sender is about to hand the notification to a provider whose receipt may overtake its
     * write.
     *
     * @return what the sender gives back to {@link #sent} when through; null when nothing is kept
     */
    Sending sending(String notificationId) {
        if (kept.size() >= MAX_KEPT) {
            dropOverdue();
        }
        if (kept.size() >= MAX_KEPT) {
            return null;
        }
        // Until the attempt is through, a receipt waits for it at most as long as take's caller allows.
        Kept fresh = new Kept(new CompletableFuture<>(), clock.instant().plus(Duration.ofMinutes(1)));
        Kept earlier = kept.put(notificationId, fresh);
        if (earlier != null) {
            earlier.copy().complete(null);
        }
        return new Sending(notificationId, fresh);
    }

    /** One attempt's place among the kept copies. */
    record Sending(String notificationId, Kept place) {
    }

    /**
     * The sender is through with the notification: kept when its last write stored an acceptance
     * whose receipt is awaited, else forgotten. A receipt already waiting gets it either way (and
     * reads storage when given none).
     *
     * @param asStored false when the last write failed, so that the copy may differ from storage
     */
    void sent(Sending sending, Notification notification, boolean asStored) {
        if (sending == null) {
            return;
        }
        Delivery current = notification.currentDelivery();
        boolean awaitsReceipt = asStored && current != null && current.status() == Delivery.Status.ACCEPTED
                && notification.dueAt() != null;
        if (awaitsReceipt) {
            kept.replace(sending.notificationId(), sending.place(), new Kept(sending.place().copy(), notification.dueAt()));
        } else {
            kept.remove(sending.notificationId(), sending.place());
        }
        sending.place().copy().complete(awaitsReceipt ? notification : null);
    }

    /**
     * The copy kept for the notification's receipt, taken out: waits up to {@code overtaken} for a
     * sender still in its attempt.
     */
    Optional<Notification> take(String notificationId, Duration overtaken) {
        Kept taken = kept.remove(notificationId);
        if (taken == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(taken.copy().get(overtaken.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException stillSending) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    int size() {
        return kept.size();
    }

    /** Copies whose receipt is overdue: the sweeper takes those notifications up from storage. */
    private void dropOverdue() {
        Instant now = clock.instant();
        kept.entrySet().removeIf(entry -> entry.getValue().until().isBefore(now));
    }
}
