package vn.motcua.notification.inbox;

import java.time.Instant;
import vn.motcua.events.notification.NotificationChannel;

/**
 * A notification's sending on one channel: its attempts and what became of them.
 *
 * @param attempts attempts that failed so far (transient failures retried later count here)
 * @param providerMessageId the provider's id for the accepted message, which its receipt names
 * @param parts SMS segments the sent text took (null on other channels)
 * @param cost what the provider charges for it, in đồng
 */
public record Delivery(NotificationChannel channel, Status status, Integer attempts, String failure, String providerMessageId,
        Integer parts, Long cost, Instant firstAttemptAt, Instant acceptedAt, Instant deliveredAt) {

    public enum Status {
        /** Its turn has not come, or it is due to be tried (again). */
        WAITING,
        /** Held by quiet hours until morning. */
        HELD,
        /** The provider took it; its delivery receipt is awaited. */
        ACCEPTED,
        /** The receipt says it reached the recipient. */
        DELIVERED,
        /** Handed to the mail server: email has no receipts, so this is as far as it is known. */
        SENT,
        FAILED,
        /** An earlier channel reached the recipient, so this one was not needed. */
        NOT_NEEDED;

        boolean reachedRecipient() {
            return this == DELIVERED || this == SENT;
        }

        boolean open() {
            return this == WAITING || this == HELD;
        }
    }

    static Delivery waiting(NotificationChannel channel) {
        return new Delivery(channel, Status.WAITING, 0, null, null, null, null, null, null, null);
    }

    public int attemptCount() {
        return attempts == null ? 0 : attempts;
    }

    Delivery held() {
        return new Delivery(channel, Status.HELD, attempts, failure, providerMessageId, parts, cost, firstAttemptAt, acceptedAt, deliveredAt);
    }

    Delivery accepted(Status status, String messageId, Integer segments, Long price, Instant attemptedAt, Instant now) {
        return new Delivery(channel, status, attempts, failure, messageId, segments, price, first(attemptedAt), now, null);
    }

    Delivery failedAttempt(Status status, String reason, Instant attemptedAt) {
        return new Delivery(channel, status, attemptCount() + 1, reason, providerMessageId, parts, cost, first(attemptedAt), acceptedAt,
                deliveredAt);
    }

    Delivery receiptSaysDelivered(Instant at) {
        return new Delivery(channel, Status.DELIVERED, attempts, null, providerMessageId, parts, cost, firstAttemptAt, acceptedAt, at);
    }

    Delivery receiptSaysFailed(String reason) {
        return new Delivery(channel, Status.FAILED, attempts, reason, providerMessageId, parts, cost, firstAttemptAt, acceptedAt, null);
    }

    Delivery notNeeded() {
        return new Delivery(channel, Status.NOT_NEEDED, attempts, failure, providerMessageId, parts, cost, firstAttemptAt, acceptedAt,
                deliveredAt);
    }

    private Instant first(Instant attemptedAt) {
        return firstAttemptAt == null ? attemptedAt : firstAttemptAt;
    }
}
