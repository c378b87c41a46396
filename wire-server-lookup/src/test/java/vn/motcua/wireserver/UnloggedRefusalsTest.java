package vn.motcua.wireserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A duplicate key and a drop of nothing are the client's answers, not the wire server's failures; other failures stay logged. */
class UnloggedRefusalsTest {
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> recipients;

    @BeforeEach
    void start() {
        UnloggedRefusals.installInto(logging);
        logged.start();
        wireServerLog().addAppender(logged);
        // Kept here, not printed: the failure this test provokes on purpose would read as a real one in the build's log.
        wireServerLog().setAdditive(false);
        server = new MongoServer(new IdLookupMemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        recipients = client.getDatabase("test").getCollection("recipients");
        recipients.insertOne(new Document("_id", "001090000001").append("statedAt", "2026-12-06T08:00:00Z"));
    }

    @AfterEach
    void stop() {
        wireServerLog().detachAppender(logged);
        wireServerLog().setAdditive(true);
        client.close();
        server.shutdown();
    }

    @Test
    void anOlderStatementThatMeetsTheNewerOneIsRefusedWithoutAnErrorInTheLog() {
        var olderThanStored = Filters.and(Filters.eq("_id", "001090000001"), Filters.not(Filters.gte("statedAt", "2026-12-06T07:00:00Z")));

        assertThatThrownBy(() -> recipients.findOneAndUpdate(olderThanStored, Updates.set("statedAt", "2026-12-06T07:00:00Z"),
                new FindOneAndUpdateOptions().upsert(true)))
                .as("the client is still told").isInstanceOf(MongoCommandException.class)
                .extracting(e -> ((MongoCommandException) e).getErrorCode()).isEqualTo(11000);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aDropOfACollectionThatDoesNotExistIsNoErrorInTheLog() {
        client.getDatabase("test").getCollection("never-created").drop();

        assertThat(errors()).isEmpty();
    }

    @Test
    void anyOtherFailureOfACommandIsStillLogged() {
        assertThatThrownBy(() -> recipients.findOneAndUpdate(Filters.eq("_id", "001090000001"), new Document("$noSuchOperator", new Document("a", 1))))
                .isInstanceOf(RuntimeException.class);

        assertThat(errors()).hasSize(1);
    }

    @Test
    void installingTwiceAddsOneFilter() {
        UnloggedRefusals.installInto(logging);

        assertThat(logging.getTurboFilterList()).filteredOn(UnloggedRefusals.class::isInstance).hasSize(1);
    }

    private Logger wireServerLog() {
        return logging.getLogger("de.bwaldvogel.mongo");
    }

    private List<ILoggingEvent> errors() {
        return logged.list.stream().filter(event -> event.getLevel() == Level.ERROR).toList();
    }
}
