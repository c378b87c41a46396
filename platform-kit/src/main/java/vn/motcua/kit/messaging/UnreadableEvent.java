package vn.motcua.kit.messaging;

/** A record no retry can fix (no id, unknown version, bad JSON): it goes straight to the dead-letter topic. */
public class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
