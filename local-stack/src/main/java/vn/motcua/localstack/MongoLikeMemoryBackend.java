package vn.motcua.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The wire server's in-memory backend (the system tests' stack), answering with copies of the
 * stored documents as {@link MongoLikeH2Backend} does, for the same reason: an update changes the
 * stored document in place, and an answer holding it that is being written to another client
 * fails to encode, and that client's connection is closed.
 */
final class MongoLikeMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new CopiesOut(this, collectionName, options, getCursorRegistry());
            }
        };
    }

    /** A collection whose answers are copies: what a client holds, no update changes under it. */
    static final class CopiesOut extends MemoryCollection {
        CopiesOut(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
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
