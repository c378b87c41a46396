package vn.motcua.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The CloudEvents attributes of one event and their Kafka binding (binary mode: one
 * {@code ce_} header each, the record value being the JSON payload). The one place where
 * the envelope is written and read: the outbox relay, the consumers and the test fixtures all
 * go through it.
 *
 * @param source the publishing service, e.g. {@code /motcua/dossier-service}
 * @param subject the aggregate id, also the Kafka key
 */
public record CloudEvent(String id, String source, String type, int dataVersion, String subject, Instant time,
        String correlationId) {

    /** The attributes of {@code event} as its contract names them. */
    public static CloudEvent of(Event event, String id, String source, Instant time, String correlationId) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        return new CloudEvent(id, source, contract.type(), contract.version(), event.subject(), time, correlationId);
    }

    /** Header name to value, in a stable order; absent attributes are left out. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        put(headers, CloudEventHeaders.ID, id);
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TYPE, type);
        put(headers, CloudEventHeaders.SUBJECT, subject);
        put(headers, CloudEventHeaders.TIME, time == null ? null : time.toString());
        headers.put(CloudEventHeaders.DATA_VERSION, String.valueOf(dataVersion));
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        put(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        return headers;
    }

    /**
     * Reads the attributes back from the headers of a record.
     *
     * @throws IllegalArgumentException when the id or type is missing, or the version or time is not readable
     */
    public static CloudEvent fromHeaders(Function<String, String> header) {
        String id = header.apply(CloudEventHeaders.ID);
        String type = header.apply(CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new IllegalArgumentException("Missing " + CloudEventHeaders.ID + " or " + CloudEventHeaders.TYPE);
        }
        String version = header.apply(CloudEventHeaders.DATA_VERSION);
        String time = header.apply(CloudEventHeaders.TIME);
        try {
            return new CloudEvent(id, header.apply(CloudEventHeaders.SOURCE), type, Integer.parseInt(String.valueOf(version)),
                    header.apply(CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time),
                    header.apply(CloudEventHeaders.CORRELATION_ID));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad " + CloudEventHeaders.DATA_VERSION + " '" + version + "' or "
                    + CloudEventHeaders.TIME + " '" + time + "'", e);
        }
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
