package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that opens connections to the gateway and never finishes a request (slowloris), with more
 * connections than the gateway keeps at once: they are cut off after the connection timeout, and a
 * citizen's request that arrives behind them is answered once they are, instead of waiting a minute
 * or the gateway running out of heap (gateway's server.tomcat settings, docs/performance.md).
 */
@ExtendWith(Platform.class)
class SlowClientsIT {
    /** More than the gateway's max-connections (1,000): the rest wait in the accept queue. */
    private static final int STALLED = 1_050;
    /** The gateway's connection timeout is 10 s; with Tomcat's 60 s the stalled connections are still open after this. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void connectionsThatNeverFinishTheirRequestAreCutOffAndTheRequestsBehindThemAreAnswered() throws Exception {
        String gateway = Platform.stack().config().gatewayUrl();
        URI address = URI.create(gateway);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 10_000);
                socket.getOutputStream().write("GET /api/v1/public/calendar/2026 HTTP/1.1\r\nHost: gateway\r\nX-Never-E"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }

            HttpResponse<String> behindThem;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(PATIENCE).build()) {
                behindThem = client.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/public/calendar/2026"))
                        .timeout(PATIENCE).GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(behindThem.statusCode()).as("a request queued behind %d stalled connections", STALLED).isEqualTo(200);

            long stillOpen = 0;
            for (Socket socket : stalled) {
                stillOpen += cutOffWithin(socket, PATIENCE) ? 0 : 1;
            }
            assertThat(stillOpen).as("stalled connections the gateway kept after %s", PATIENCE).isZero();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** True when the gateway closes the connection (or answers and closes it) within the time given. */
    private static boolean cutOffWithin(Socket socket, Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // An answer (400 or 408) before the close counts as cut off too: read on to the close.
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
