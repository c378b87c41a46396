package vn.motcua.kit.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document ({@code pendingEvents}) to be published.
 * Stored in the same single-document write as the state change that caused it, so neither
 * is ever saved without the other.
 */
public record OutboxEntry(
        String eventId,
        String type,
        int dataVersion,
        String topic,
        String subject,
        Instant occurredAt,
        String correlationId,
        String payload) {
}
