package vn.motcua.kit.outbox;

import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;

/** Told by the store when a write with new events has committed, so they are published at once. */
public interface OutboxHandOff {
    void written(String collection, Object id);

    /**
     * A claim the next write may take with its change (ADR 0032); null when this hand-off offers
     * none, and then the write only tells {@link #written}.
     */
    default WriteClaim claimForWrite() {
        return null;
    }

    /**
     * The write took {@code claim} and left {@code waiting} in the document: they are published and
     * the claim given back. Only called with a claim this hand-off offered.
     */
    default void writtenUnderClaim(String collection, Object id, WriteClaim claim, List<Document> waiting) {
        throw new IllegalStateException("This hand-off offers no claim, so none can have been taken");
    }

    /**
     * The hand-off of a relay found when a write needs it, or none: without a relay (no broker on
     * the classpath) the events wait in their documents for one.
     */
    static OutboxHandOff whenPresent(Supplier<OutboxHandOff> relay) {
        return new OutboxHandOff() {
            @Override
            public void written(String collection, Object id) {
                OutboxHandOff present = relay.get();
                if (present != null) {
                    present.written(collection, id);
                }
            }

            @Override
            public WriteClaim claimForWrite() {
                OutboxHandOff present = relay.get();
                return present == null ? null : present.claimForWrite();
            }

            @Override
            public void writtenUnderClaim(String collection, Object id, WriteClaim claim, List<Document> waiting) {
                relay.get().writtenUnderClaim(collection, id, claim, waiting);
            }
        };
    }
}
