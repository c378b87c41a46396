package vn.motcua.kit.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.kit.testapp.KitTestReceipt;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * The indexes a service's documents declare ({@code @Indexed}, {@code @CompoundIndex}) exist in
 * the database: Spring Data creates none of them unless told to, and a query on a field without its
 * index reads the whole collection on MongoDB.
 */
@SpringBootTest(classes = KitTestApplication.class, properties = "spring.application.name=kit-test")
@InfrastructureTest
class DeclaredIndexesIT {
    @Autowired
    MongoTemplate mongo;

    @Test
    void anIndexDeclaredOnADocumentIsCreatedAtStart() {
        String number = UUID.randomUUID().toString();
        mongo.insert(new KitTestReceipt(UUID.randomUUID().toString(), number));

        // The wire server keeps unique indexes (others it accepts and ignores): a second receipt of the same number is refused.
        assertThatThrownBy(() -> mongo.insert(new KitTestReceipt(UUID.randomUUID().toString(), number)))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
