package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.localstack.GatewayClient;

/**
 * A waiting room's screen, through the gateway as a browser in the office reaches it: in a room
 * where nothing happens (no other test uses HV-XA), its stream stays open past the gateway's
 * timeout for a service that sends nothing (10 s).
 */
@ExtendWith(Platform.class)
class WaitingRoomDisplayIT {
    private static final Duration QUIET = Duration.ofSeconds(14);

    private final GatewayClient gateway = Platform.client();

    @Test
    void aQuietWaitingRoomsScreenKeepsItsStreamThroughTheGateway() throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(gateway.request("/api/v1/public/offices/HV-XA/display", null)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicReference<String> ended = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
                ended.set("the stream ended");
            } catch (Exception e) {
                ended.compareAndSet(null, "the stream failed: " + e);
            }
        });

        Thread.sleep(QUIET);

        assertThat(ended.get()).as("after %s of quiet", QUIET).isNull();
        assertThat(lines).as("the board, then keep-alive comments").anyMatch(line -> line.startsWith("event:board"))
                .anyMatch(line -> line.startsWith(":keep-alive"));
        reader.interrupt();
        stream.body().close();
    }
}
