package vn.motcua.kit.messaging;

import java.time.Instant;

/** An event read from Kafka: its envelope attributes and its payload. */
public record IncomingEvent<T>(String eventId, String type, int dataVersion, String subject, Instant time,
        String correlationId, T data) {
}
