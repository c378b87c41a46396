package vn.motcua.wireserver;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code _id} index, also taking queries that name one {@code _id} beside other conditions, as
 * MongoDB's does. mongo-java-server uses an index only when a query's fields are exactly the index's
 * keys, so a version-guarded update ({@code _id} and {@code version}), the outbox's claim of a
 * document or a conditional upsert read the whole collection, and cost more as the stores grow
 * (ADR 0025, ADR 0030). The documents the index finds are still matched against the whole query,
 * so no answer changes.
 */
public final class IdLookup<P> extends Index<P> {
    private static final String ID = "_id";

    private final Index<P> byId;

    private IdLookup(Index<P> byId) {
        super(byId.getName(), byId.getKeys(), false);
        this.byId = byId;
    }

    /** The index a backend opened, wrapped when it is the {@code _id} index; any other as it is. */
    public static <P> Index<P> around(Index<P> opened, List<IndexKey> keys) {
        return keys.size() == 1 && ID.equals(keys.getFirst().getKey()) ? new IdLookup<>(opened) : opened;
    }

    /** A single value, not an operator, a pattern or a list: only then is there one document to look up. */
    static boolean namesOneId(Document query) {
        Object id = query.get(ID);
        return id != null && !(id instanceof Document) && !(id instanceof Pattern) && !(id instanceof Collection);
    }

    @Override
    public boolean canHandle(Document query) {
        return byId.canHandle(query) || namesOneId(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return byId.canHandle(query) ? byId.getPositions(query) : byId.getPositions(new Document(ID, query.get(ID)));
    }

    @Override
    public P getPosition(Document document) {
        return byId.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        byId.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        byId.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return byId.remove(document);
    }

    @Override
    public long getCount() {
        return byId.getCount();
    }

    @Override
    public long getDataSize() {
        return byId.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        byId.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        byId.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        byId.drop();
    }

    @Override
    public boolean isUnique() {
        return byId.isUnique();
    }

    @Override
    public Document toIndexDescription() {
        return byId.toIndexDescription();
    }
}
