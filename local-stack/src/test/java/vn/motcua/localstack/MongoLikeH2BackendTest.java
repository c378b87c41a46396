package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `_id` lookup changes which documents are read, never which ones match; and what a client
 * reads, an update does not change under it.
 */
class MongoLikeH2BackendTest {
    @TempDir
    Path dir;
    private MongoServer server;
    private InetSocketAddress address;
    private MongoClient client;
    private MongoCollection<Document> orders;

    @BeforeEach
    void start() {
        server = new MongoServer(new MongoLikeH2Backend(MVStore.open(dir.resolve("mongo.mv").toString())));
        address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        orders = client.getDatabase("test").getCollection("orders");
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new Document("_id", "order-" + i).append("version", 1L).append("status", "OPEN"));
        }
        orders.insertMany(many);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aVersionGuardedUpdateStillMissesAnotherVersion() {
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "order-7"), Filters.eq("version", 2L)), Updates.set("status", "PAID"))
                .getModifiedCount()).isZero();
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "order-7"), Filters.eq("version", 1L)),
                Updates.combine(Updates.set("status", "PAID"), Updates.inc("version", 1L))).getModifiedCount()).isOne();

        assertThat(orders.find(Filters.eq("_id", "order-7")).first()).containsEntry("status", "PAID").containsEntry("version", 2L);
        assertThat(orders.countDocuments(Filters.eq("status", "PAID"))).isOne();
    }

    @Test
    void aConditionalUpsertThatMissesAnExistingDocumentHitsItsIdAsOnMongoDb() {
        assertThatThrownBy(() -> orders.updateOne(Filters.and(Filters.eq("_id", "order-3"), Filters.ne("status", "OPEN")),
                Updates.set("status", "PAID"), new UpdateOptions().upsert(true))).isInstanceOf(MongoWriteException.class);

        orders.updateOne(Filters.and(Filters.eq("_id", "order-new"), Filters.ne("status", "OPEN")), Updates.set("status", "PAID"),
                new UpdateOptions().upsert(true));
        assertThat(orders.find(Filters.eq("_id", "order-new")).first()).containsEntry("status", "PAID");
    }

    @Test
    void queriesWithoutOneIdAnswerAsBefore() {
        assertThat(orders.countDocuments(Filters.in("_id", List.of("order-1", "order-2", "nope")))).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.and(Filters.gte("_id", "order-98"), Filters.eq("version", 1L)))).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.regex("_id", "^order-49\\d$"))).isEqualTo(10);
        assertThat(orders.deleteOne(Filters.and(Filters.eq("_id", "order-9"), Filters.eq("status", "OPEN"))).getDeletedCount()).isOne();
        assertThat(orders.countDocuments()).isEqualTo(499);
    }

    @Test
    void aDocumentReadWhileAnotherClientUpdatesItComesBackWhole() throws Exception {
        // Many fields: writing the reply takes long enough for an update to come in the middle of it.
        Document large = new Document("_id", "large").append("status", "OPEN");
        for (int field = 0; field < 2_000; field++) {
            large.append("line" + field, "a line of the order, number " + field);
        }
        orders.insertOne(large);
        // A reply that fails to encode closes the connection. The driver would retry a read once; a
        // findAndModify, whose write is done, would fail. Not retrying shows every failed reply.
        try (MongoClient reader = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?retryReads=false")) {
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
            // The copies are the answers only: an update still changes what is stored.
            orders.updateOne(Filters.eq("_id", "large"), Updates.set("status", "CLOSED"));
            assertThat(read.find(Filters.eq("_id", "large")).first()).containsEntry("status", "CLOSED");
        }
    }
}
