package vn.motcua.kit.outbox;

import java.util.List;
import vn.motcua.events.Event;

/** What a factory or command of an aggregate produces: the aggregate and the events it caused. */
public record Changed<A extends Aggregate>(A aggregate, List<Event> events) {
    public Changed {
        events = List.copyOf(events);
    }

    public static <A extends Aggregate> Changed<A> of(A aggregate, Event... events) {
        return new Changed<>(aggregate, List.of(events));
    }
}
