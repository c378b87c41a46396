package vn.motcua.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves a changed aggregate together with the events of that change, in one single-document
 * update guarded by the aggregate's {@code @Version}. The new events are appended to
 * {@code pendingEvents} rather than the whole array being written back: a plain save would put
 * back the events the relay published and removed since the aggregate was loaded, and they would
 * be published twice.
 */
public class AggregateStore {
    private final MongoTemplate mongo;

    public AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @throws OptimisticLockingFailureException when the aggregate changed since it was loaded;
     *     nothing is written then, and the caller reloads and decides again
     */
    public <T> void update(T aggregate, List<OutboxEntry> newEvents) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        Object id = accessor.getProperty(entity.getRequiredIdProperty());
        long version = ((Number) accessor.getProperty(versionProperty)).longValue();

        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals(OutboxRelay.FIELD) && !field.equals(versionProperty.getFieldName())) {
                update.set(field, value);
            }
        });
        // The converter leaves out null fields; a field the aggregate cleared must be removed, not kept.
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !property.isVersionProperty() && !field.equals(OutboxRelay.FIELD)
                    && !state.containsKey(field)) {
                update.unset(field);
            }
        });
        update.inc(versionProperty.getFieldName(), 1);
        if (!newEvents.isEmpty()) {
            update.push(OutboxRelay.FIELD).each(newEvents.stream().map(mongo.getConverter()::convertToMongoType).toArray());
        }
        Query unchanged = new Query(where("_id").is(id).and(versionProperty.getFieldName()).is(version));
        if (mongo.updateFirst(unchanged, update, entity.getCollection()).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    entity.getType().getSimpleName() + " " + id + " changed since it was read (version " + version + ")");
        }
        accessor.setProperty(versionProperty, version + 1);
    }
}
