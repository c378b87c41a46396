package vn.motcua.kit.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.EventContract;
import vn.motcua.events.Upcast;

/**
 * Reads the CloudEvents envelope and payload of a Kafka record into an {@link IncomingEvent}.
 * A record of an older version of the event is read with the record of that version and raised
 * to the current one, so consumers of a changed contract keep reading what is on the topic.
 */
public class EventReader {
    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    /** The envelope alone. */
    public CloudEvent attributes(ConsumerRecord<String, String> record) {
        try {
            return CloudEvent.fromHeaders(name -> header(record, name));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent(e.getMessage() + " at " + position(record), e);
        }
    }

    public <T extends Event> IncomingEvent<T> read(ConsumerRecord<String, String> record, Class<T> type) {
        return read(record, attributes(record), type);
    }

    /** Reads the payload of a record whose envelope was read already. */
    <T extends Event> IncomingEvent<T> read(ConsumerRecord<String, String> record, CloudEvent attributes, Class<T> type) {
        EventContract contract = EventCatalog.contractOf(type);
        if (!contract.type().equals(attributes.type())) {
            throw new UnreadableEvent("Expected " + contract.type() + " but found " + attributes.type() + " at "
                    + position(record), null);
        }
        Class<? extends Event> written = EventCatalog.recordFor(attributes.type(), attributes.dataVersion());
        if (written == null || attributes.dataVersion() > contract.version()) {
            throw new UnreadableEvent("Cannot read " + contract.type() + " version " + attributes.dataVersion()
                    + " (this service knows versions up to " + contract.version() + ") at " + position(record), null);
        }
        try {
            // A tolerant reader: a field a newer publisher added is not a reason to refuse the event.
            Event data = json.readerFor(written).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(record.value());
            while (!type.isInstance(data) && data instanceof Upcast<?> older) {
                data = older.upcast();
            }
            if (!type.isInstance(data)) {
                throw new UnreadableEvent("No way from " + written.getSimpleName() + " to " + type.getSimpleName(), null);
            }
            return new IncomingEvent<>(attributes.id(), attributes.type(), attributes.dataVersion(), attributes.subject(),
                    attributes.time(), attributes.correlationId(), type.cast(data));
        } catch (JacksonException e) {
            throw new UnreadableEvent("Malformed " + contract.type() + " payload at " + position(record), e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
