package vn.motcua.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.EventContract;

/** Reads the CloudEvents envelope and payload of a Kafka record into an {@link IncomingEvent}. */
public class EventReader {
    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    public boolean is(ConsumerRecord<String, String> record, Class<? extends Event> type) {
        return EventCatalog.contractOf(type).type().equals(header(record, CloudEventHeaders.TYPE));
    }

    public <T extends Event> IncomingEvent<T> read(ConsumerRecord<String, String> record, Class<T> type) {
        EventContract contract = EventCatalog.contractOf(type);
        String eventId = header(record, CloudEventHeaders.ID);
        if (eventId == null || eventId.isBlank()) {
            throw new UnreadableEvent("Record without " + CloudEventHeaders.ID + " at " + position(record), null);
        }
        int version = parseVersion(header(record, CloudEventHeaders.DATA_VERSION), record);
        if (version != contract.version()) {
            throw new UnreadableEvent("Cannot read " + contract.type() + " version " + version
                    + " (this service knows version " + contract.version() + ") at " + position(record), null);
        }
        try {
            T data = json.readValue(record.value(), type);
            String time = header(record, CloudEventHeaders.TIME);
            return new IncomingEvent<>(eventId, contract.type(), version, header(record, CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time), header(record, CloudEventHeaders.CORRELATION_ID), data);
        } catch (JacksonException e) {
            throw new UnreadableEvent("Malformed " + contract.type() + " payload at " + position(record), e);
        }
    }

    private static int parseVersion(String value, ConsumerRecord<String, String> record) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UnreadableEvent("Bad " + CloudEventHeaders.DATA_VERSION + " '" + value + "' at " + position(record), e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
