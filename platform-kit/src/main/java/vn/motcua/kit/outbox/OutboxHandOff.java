package vn.motcua.kit.outbox;

/** Told by the store when a write with new events has committed, so they are published at once. */
@FunctionalInterface
public interface OutboxHandOff {
    void written(String collection, Object id);
}
