package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault harness watches leases while relays claim and release documents on the same wire
 * server (the fault harness's, in a file). Watching must not break what it watches: a claim
 * released must be claimable again. When the watch listed the databases, this test at 6,000 claim
 * cycles left some key refused after its release in two runs of three; it now makes 10,000.
 */
class LeaseWatchTest {
    private static final int CLAIMERS = 4;
    private static final int CLAIMS_EACH = 2_500;

    @TempDir
    Path dir;
    private MongoServer server;
    private MongoClient client;
    private StackConfig config;

    @BeforeEach
    void start() {
        server = new MongoServer(MongoWireServer.backend(dir.resolve("mongo.mv").toString()));
        InetSocketAddress address = server.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true";
        client = MongoClients.create(uri);
        config = StackConfig.forFaults(dir, dir.resolve("data")).withExternalMongo(uri);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void claimsReleasedWhileTheWatchSamplesAreClaimableAgainAndTheLeaseIsSeen() throws Exception {
        client.getDatabase("motcua-dossier").getCollection("leases").insertOne(new Document("_id", "outbox-safety-net")
                .append("owner", "dossier-1").append("expiresAt", Date.from(Instant.now().plus(Duration.ofHours(1)))));
        MongoCollection<Document> claims = client.getDatabase("motcua-dossier").getCollection("outbox_claims");
        List<String> refused = Collections.synchronizedList(new ArrayList<>());

        try (LeaseWatch watch = new LeaseWatch(config, Duration.ofMillis(1));
                ExecutorService claimers = Executors.newFixedThreadPool(CLAIMERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int claimer = 0; claimer < CLAIMERS; claimer++) {
                String owner = "relay-" + claimer;
                done.add(claimers.submit(() -> claimAndRelease(claims, owner, refused)));
            }
            for (Future<?> each : done) {
                each.get();
            }
            assertThat(watch.held()).containsKey("dossier outbox-safety-net");
        }

        assertThat(refused).as("claims refused after their release").isEmpty();
        assertThat(claims.countDocuments()).isZero();
        for (int claimer = 0; claimer < CLAIMERS; claimer++) {
            claims.insertOne(new Document("_id", "dossiers/relay-" + claimer + "-0").append("by", "after"));
        }
        assertThat(claims.countDocuments(Filters.eq("by", "after"))).isEqualTo(CLAIMERS);
    }

    /** As a relay does: a claim is one insert on the document's key, its release one delete. */
    private static void claimAndRelease(MongoCollection<Document> claims, String owner, List<String> refused) {
        for (int i = 0; i < CLAIMS_EACH; i++) {
            String key = "dossiers/" + owner + "-" + (i % 20);
            try {
                claims.insertOne(new Document("_id", key).append("by", owner));
            } catch (RuntimeException e) {
                refused.add(key + ": " + e.getMessage());
                continue;
            }
            claims.findOneAndDelete(Filters.and(Filters.eq("_id", key), Filters.eq("by", owner)));
        }
    }
}
