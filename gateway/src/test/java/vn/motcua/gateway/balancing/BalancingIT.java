package vn.motcua.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.gateway.EchoService;

/**
 * A service running twice behind the gateway: calls go to both instances; when one dies, at most
 * the call that found it dead fails (the portal's retry goes to the other), and once it answers
 * ready again it takes calls again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BalancingIT {
    private static final HttpServer FIRST = EchoService.start(0, Duration.ZERO);
    private static final HttpServer SECOND = EchoService.start(0, Duration.ZERO);
    private static final int SECOND_PORT = SECOND.getAddress().getPort();
    private static final List<HttpServer> RUNNING = new ArrayList<>(List.of(FIRST, SECOND));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int gatewayPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("motcua.security.issuer", () -> "http://127.0.0.1:1/realms/motcua-test");
        registry.add("motcua.services.dossier", () -> EchoService.url(FIRST) + ", " + EchoService.url(SECOND));
        for (String service : new String[] {"appointment", "payment", "postal", "notification"}) {
            registry.add("motcua.services." + service, () -> EchoService.url(FIRST));
        }
        // Slow probes: the call that finds an instance dead is what passes it over, not the next probe.
        registry.add("motcua.gateway.readiness-probe-interval", () -> "2s");
        registry.add("motcua.gateway.rate-limits.public-reads.capacity", () -> "1000");
    }

    @AfterAll
    static void stopServices() {
        RUNNING.forEach(server -> server.stop(0));
    }

    @Test
    void callsGoToEveryInstanceAndPassOverOneThatDiedUntilItIsReadyAgain() throws Exception {
        assertThat(answeringPorts(10)).containsExactlyInAnyOrder(FIRST.getAddress().getPort(), SECOND_PORT);

        SECOND.stop(0);
        RUNNING.remove(SECOND);
        List<Integer> afterDeath = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            afterDeath.add(call());
        }
        assertThat(afterDeath.stream().filter(port -> port == null).count())
                .as("failed calls once the second instance died: only the one that found it dead").isLessThanOrEqualTo(1);
        assertThat(afterDeath.stream().filter(port -> port != null)).containsOnly(FIRST.getAddress().getPort());

        HttpServer restarted = EchoService.start(SECOND_PORT, Duration.ZERO);
        RUNNING.add(restarted);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(answeringPorts(6)).contains(SECOND_PORT));
    }

    private Set<Integer> answeringPorts(int calls) throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < calls; i++) {
            ports.add(call());
        }
        return ports;
    }

    /** The port of the instance that answered, or null when the gateway answered that the service did not. */
    private Integer call() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/public/procedures")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            return null;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("port").asInt();
    }
}
