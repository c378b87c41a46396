package vn.motcua.events;

import java.time.Instant;

/** The CloudEvents attributes that travel with every event, apart from its payload. */
public record EventEnvelope(
        String id,
        String source,
        String type,
        int dataVersion,
        String subject,
        Instant time,
        String correlationId) {
}
