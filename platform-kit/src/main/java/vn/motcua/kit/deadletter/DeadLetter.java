package vn.motcua.kit.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event this service failed to apply, parked for ops: where it came from, why it failed,
 * and every re-drive tried since.
 *
 * @param id the original position, {@code topic-partition@offset}
 * @param headers the original record's headers (the CloudEvents envelope among them)
 * @param value the record's payload as it arrived (kept as it was, whatever correction follows)
 * @param reason why it was parked, or why the last re-drive failed
 * @param correction the payload ops wrote in its place after finding the producer's fault, which a re-drive applies; null if none
 */
@Document(DeadLetter.COLLECTION)
public record DeadLetter(
        @Id String id,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        Map<String, String> headers,
        String eventId,
        String eventType,
        String reason,
        String exception,
        Instant firstFailedAt,
        Instant lastFailedAt,
        Status status,
        List<Redrive> redrives,
        Correction correction) {

    public static final String COLLECTION = "dead_letters";

    public enum Status {
        PARKED, REDRIVEN
    }

    /** One re-drive: who asked for it, when, and whether the event was applied this time. */
    public record Redrive(Instant at, String by, Outcome outcome, String error) {
    }

    /** A corrected payload: who wrote it, when, and why (the original stays in {@code value}). */
    public record Correction(String value, String reason, String by, Instant at) {
    }

    public enum Outcome {
        APPLIED, FAILED
    }
}
