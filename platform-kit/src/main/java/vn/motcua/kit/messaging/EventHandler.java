package vn.motcua.kit.messaging;

import vn.motcua.events.Event;

/** What a service does with one kind of event. It must be idempotent: the same event may come twice. */
@FunctionalInterface
public interface EventHandler<T extends Event> {
    void handle(IncomingEvent<T> event);
}
