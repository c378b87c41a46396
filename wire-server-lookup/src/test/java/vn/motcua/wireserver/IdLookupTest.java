package vn.motcua.wireserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lookup changes which documents are read, never which ones match. */
class IdLookupTest {
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> orders;

    @BeforeEach
    void start() {
        server = new MongoServer(new IdLookupMemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        orders = client.getDatabase("test").getCollection("orders");
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
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
    void aClaimNamingOneIdIsTakenOnceAndOnlyOnThatDocument() {
        Bson free = Filters.and(Filters.eq("_id", "order-7"), Filters.or(Filters.exists("claim", false), Filters.eq("claim", "expired")));
        FindOneAndUpdateOptions returnNew = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

        Document first = orders.findOneAndUpdate(free, Updates.set("claim", "held"), returnNew);
        Document second = orders.findOneAndUpdate(free, Updates.set("claim", "held"), returnNew);

        assertThat(first).containsEntry("_id", "order-7").containsEntry("claim", "held");
        assertThat(second).as("held: the rest of the query still decides").isNull();
        assertThat(orders.countDocuments(Filters.exists("claim"))).isOne();
    }

    @Test
    void queriesTheIdIndexCannotServeAnswerAsBefore() {
        assertThat(orders.countDocuments(Filters.in("_id", List.of("order-1", "order-2", "nobody")))).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.eq("status", "OPEN"))).isEqualTo(200);
        assertThat(orders.find(Filters.and(Filters.eq("_id", "order-3"), Filters.eq("version", 2L))).first()).isNull();
        assertThat(orders.find(Filters.and(Filters.eq("_id", "nobody"), Filters.eq("version", 1L))).first()).isNull();
    }
}
