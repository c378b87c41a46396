package vn.motcua.kit.health;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.TestInfrastructure;

/**
 * Readiness tells the truth: a service whose database goes away is not ready, and is ready again
 * when it returns. The database here is a wire server of this test's own, so that stopping it
 * disturbs no other test.
 */
@SpringBootTest(classes = KitTestApplication.class, properties = {"spring.application.name=kit-readiness-test",
        "motcua.health.timeout=1s"})
@AutoConfigureMockMvc
class ReadinessIT {
    private static MongoServer current = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = current.bind();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + ADDRESS.getPort());
        properties.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        properties.add("motcua.security.issuer", () -> "http://127.0.0.1:1/realms/motcua-test");
    }

    @AfterAll
    static void stopDatabase() {
        current.shutdownNow();
    }

    @Test
    void readinessGoesDownWhenTheDatabaseStopsAndUpWhenItReturns() throws Exception {
        awaitReadiness(200, "UP");
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

        current.shutdownNow();
        awaitReadiness(503, "DOWN");
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));

        current = new MongoServer(new MemoryBackend());
        current.bind(ADDRESS.getHostString(), ADDRESS.getPort());
        awaitReadiness(200, "UP");
    }

    private void awaitReadiness(int httpStatus, String state) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                mvc.perform(get("/actuator/health/readiness"))
                        .andExpect(status().is(httpStatus))
                        .andExpect(jsonPath("$.status").value(state)));
    }
}
