package vn.motcua.events;

/**
 * An older version of an event that readers still accept: it raises itself to the current
 * version, so a consumer handles one record type however old the record on the topic is.
 */
public interface Upcast<T extends Event> extends Event {
    T upcast();
}
