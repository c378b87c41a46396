package vn.motcua.kit.outbox;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The collections the relay watches, derived from the types: the collection of every
 * {@link Aggregate} the entity scan found. The store refuses an aggregate whose collection is
 * not here, so no aggregate can store events that nothing would publish.
 */
public final class OutboxCollections {
    private final Set<String> collections;

    public OutboxCollections(Set<String> collections) {
        this.collections = Set.copyOf(collections);
    }

    public static OutboxCollections of(MongoMappingContext mapping) {
        Set<String> collections = new TreeSet<>();
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            if (Aggregate.class.isAssignableFrom(entity.getType())) {
                collections.add(entity.getCollection());
            }
        }
        return new OutboxCollections(collections);
    }

    public Set<String> names() {
        return collections;
    }

    void requireWatched(MongoPersistentEntity<?> entity) {
        if (!collections.contains(entity.getCollection())) {
            throw new IllegalStateException("No outbox relay watches collection '" + entity.getCollection() + "' of "
                    + entity.getType().getName() + ": its events would never be published. Annotate it with"
                    + " @Document in a package the application scans (watched: " + collections + ")");
        }
    }
}
