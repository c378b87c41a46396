package vn.motcua.wireserver;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/** mongo-java-server's in-memory backend whose {@code _id} index serves every query naming one {@code _id} ({@link IdLookup}). */
public class IdLookupMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                return IdLookup.around(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys);
            }
        };
    }
}
