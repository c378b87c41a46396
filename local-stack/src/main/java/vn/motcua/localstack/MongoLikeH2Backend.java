package vn.motcua.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import vn.motcua.wireserver.IdLookup;

/**
 * The wire server's H2 backend with two things of MongoDB's.
 *
 * <p>A query that names one {@code _id} is served by the {@code _id} index, whatever else it asks ({@link IdLookup}).
 * mongo-java-server uses an index only when the query's fields are exactly the index's keys, so a
 * version-guarded update ({@code _id} and {@code version}), an applied-event guard or a conditional
 * upsert read the whole collection, and cost more as the stores grow (ADR 0025). The documents the
 * index finds are still matched against the whole query, so no answer changes; the data file is the
 * same. Withdrawn once after a fault-harness run lost an event to a broken {@code _id} index; the
 * harness's own lease watch had broken it (listing the databases, {@link LeaseWatch}), and the
 * lookup is back since that was found (ADR 0025 addendum).
 *
 * <p>A query answers with copies of the stored documents. mongo-java-server hands out the stored
 * document itself, and an update changes that document in place while the answer that holds it is
 * being written to another client's socket: the answer fails to encode
 * ({@code ConcurrentModificationException}) and the server closes that client's connection. The
 * driver retries a read once; a {@code findAndModify}, whose write is done, fails.
 */
final class MongoLikeH2Backend extends H2Backend {
    MongoLikeH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                return IdLookup.around(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                return new CopiesOut(this, collectionName, options, getMvStore().openMap("databases." + namespace),
                        getMvStore().openMap("meta." + namespace), getCursorRegistry());
            }
        };
    }

    /** A collection whose answers are copies: what a client holds, no update changes under it. */
    static final class CopiesOut extends H2Collection {
        CopiesOut(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit, int batchSize,
                Comparator<Document> order, Document fieldSelector) {
            // Only the matching documents are copied; the base matches the copies again, which is cheap.
            return super.matchDocumentsFromStream(query, documents.filter(document -> documentMatchesQuery(document, query))
                    .map(Document::cloneDeeply), skip, limit, batchSize, order, fieldSelector);
        }
    }
}
