package vn.motcua.kit.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.EventContract;
import vn.motcua.events.RoutedEvent;
import vn.motcua.kit.correlation.Correlation;

/** Turns the events an aggregate returned into outbox entries, ready to be stored with it. */
public class EventRecorder {
    private final JsonMapper json;
    private final Clock clock;

    public EventRecorder(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public List<OutboxEntry> record(List<? extends Event> events) {
        return events.stream().map(this::record).toList();
    }

    public OutboxEntry record(Event event) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        String topic = event instanceof RoutedEvent routed ? routed.topic() : contract.topic();
        return new OutboxEntry(UUID.randomUUID().toString(), contract.type(), contract.version(), topic,
                event.subject(), clock.instant(), Correlation.current(), json.writeValueAsString(event));
    }
}
