package vn.motcua.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest(classes = KitTestApplication.class, properties = "spring.application.name=kit-test")
@InfrastructureTest
class IdempotentWritesIT {
    private static final String COUNTERS = "idempotent_test_counters";

    @Autowired
    IdempotentWrites writes;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anEventAppliedTwiceChangesTheDocumentOnce() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        assertThat(writes.applyOnce(COUNTERS, id, eventId, new Update().inc("count", 1))).isTrue();
        assertThat(writes.applyOnce(COUNTERS, id, eventId, new Update().inc("count", 1))).isFalse();
        assertThat(writes.applyOnce(COUNTERS, id, UUID.randomUUID().toString(), new Update().inc("count", 1))).isTrue();

        assertThat(mongo.findById(id, Document.class, COUNTERS).getInteger("count")).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("count", 0), COUNTERS);
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> writes.applyOnce(COUNTERS, id, eventId, new Update().inc("count", 1)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        long applied = 0;
        for (Future<Boolean> result : pool.invokeAll(deliveries)) {
            applied += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(applied).isEqualTo(1);
        assertThat(mongo.findById(id, Document.class, COUNTERS).getInteger("count")).isEqualTo(1);
    }

    @Test
    void insertOnceKeepsTheFirstDocument() {
        String id = UUID.randomUUID().toString();

        assertThat(writes.insertOnce(new Marker(id, "first"))).isTrue();
        assertThat(writes.insertOnce(new Marker(id, "second"))).isFalse();

        assertThat(mongo.findById(id, Marker.class).value()).isEqualTo("first");
    }

    @org.springframework.data.mongodb.core.mapping.Document("idempotent_test_markers")
    record Marker(String id, String value) {
    }
}
