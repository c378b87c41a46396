package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a client reads, an update does not change under it: in the file-backed wire server (the
 * local stack, the benchmarks, the fault harness) and the in-memory one (the system tests).
 */
class AnswersAreCopiesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> backends() {
        Function<Path, MongoBackend> file = dir -> new MongoLikeH2Backend(MVStore.open(dir.resolve("mongo.mv").toString()));
        Function<Path, MongoBackend> memory = dir -> new MongoLikeMemoryBackend();
        return Stream.of(Arguments.of("file", file), Arguments.of("memory", memory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aDocumentReadWhileAnotherClientUpdatesItComesBackWhole(String name, Function<Path, MongoBackend> backend) throws Exception {
        MongoServer server = new MongoServer(backend.apply(dir));
        int port = server.bind().getPort();
        // A reply that fails to encode closes the connection. The driver would retry a read once; a
        // findAndModify, whose write is done, would fail. Not retrying shows every failed reply.
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + port);
                MongoClient reader = MongoClients.create("mongodb://127.0.0.1:" + port + "/?retryReads=false")) {
            MongoCollection<Document> orders = writer.getDatabase("test").getCollection("orders");
            // Many fields: writing the reply takes long enough for an update to come in the middle of it.
            Document large = new Document("_id", "large").append("status", "OPEN");
            for (int field = 0; field < 2_000; field++) {
                large.append("line" + field, "a line of the order, number " + field);
            }
            orders.insertOne(large);
            MongoCollection<Document> read = reader.getDatabase("test").getCollection("orders");
            AtomicBoolean updating = new AtomicBoolean(true);
            Thread updater = Thread.ofPlatform().start(() -> {
                // Adding a field and taking it away again: each changes the stored document's set of keys.
                for (int i = 0; updating.get(); i++) {
                    orders.updateOne(Filters.eq("_id", "large"), i % 2 == 0 ? Updates.set("note", i) : Updates.unset("note"));
                }
            });
            try {
                for (int i = 0; i < 1_000; i++) {
                    assertThat(read.find(Filters.eq("_id", "large")).first()).containsEntry("status", "OPEN").containsKey("line1999");
                }
            } finally {
                updating.set(false);
                updater.join();
            }
        } finally {
            server.shutdown();
        }
    }
}
