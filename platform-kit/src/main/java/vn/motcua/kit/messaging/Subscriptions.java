package vn.motcua.kit.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.EventContract;
import vn.motcua.events.RoutedEvent;

/**
 * The typed event dispatch of a service: which handlers take which event type, and on which
 * topics those travel. A record of a type nobody here handles is skipped.
 */
public class Subscriptions {
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final EventReader reader;
    private final Map<String, List<Handler<?>>> byType = new LinkedHashMap<>();
    private final Set<String> topics = new TreeSet<>();

    private record Handler<T extends Event>(Class<T> type, EventHandler<T> handler) {
        void handle(EventReader reader, ConsumerRecord<String, String> record, CloudEvent attributes) {
            handler.handle(reader.read(record, attributes, type));
        }
    }

    public Subscriptions(EventReader reader) {
        this.reader = reader;
    }

    public <T extends Event> Subscriptions on(Class<T> type, EventHandler<T> handler) {
        EventContract contract = EventCatalog.contractOf(type);
        if (RoutedEvent.class.isAssignableFrom(type)) {
            // Addressed to an outside system on a topic of its own; the services never read those.
            throw new IllegalArgumentException(type.getSimpleName() + " travels on " + contract.topic()
                    + ", which is read by the system it is addressed to, not by the platform's services");
        }
        byType.computeIfAbsent(contract.type(), t -> new ArrayList<>()).add(new Handler<>(type, handler));
        topics.add(contract.topic());
        return this;
    }

    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    /**
     * Hands the record to every handler of its type, in the order they subscribed; a type nobody
     * here handles is skipped.
     *
     * @throws UnreadableEvent when the envelope or payload cannot be read
     */
    public void dispatch(ConsumerRecord<String, String> record) {
        CloudEvent attributes = reader.attributes(record);
        List<Handler<?>> handlers = byType.getOrDefault(attributes.type(), List.of());
        if (handlers.isEmpty()) {
            log.debug("No handler for {} {}; skipped", attributes.type(), attributes.id());
        }
        handlers.forEach(handler -> handler.handle(reader, record, attributes));
    }
}
