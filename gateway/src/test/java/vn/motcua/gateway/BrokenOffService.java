package vn.motcua.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.motcua.testinfra.LoopbackServer;

/**
 * A service that dies in the middle of its answers: it sends the status, the headers and the first
 * bytes of a body, then closes the connection. Raw sockets, because no HTTP server breaks off on
 * purpose. {@code /chunked/N} sends N bytes of a chunked body and no last chunk; {@code /sized/N}
 * declares twice N bytes in Content-Length and sends N; {@code /quiet/N} does the same and then says
 * nothing for three seconds before it closes.
 */
public final class BrokenOffService {
    private BrokenOffService() {
    }

    public static LoopbackServer start() {
        return LoopbackServer.start(BrokenOffService::answerAndBreakOff);
    }

    private static void answerAndBreakOff(Socket connection) {
        try (connection) {
            BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String path = request.readLine().split(" ")[1];
            while (!request.readLine().isEmpty()) {
                // the request's headers: not needed
            }
            OutputStream out = connection.getOutputStream();
            if (path.startsWith("/actuator/health/readiness")) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            int sent = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            byte[] body = new byte[sent];
            Arrays.fill(body, (byte) 'x');
            boolean chunked = path.contains("/chunked/");
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + 2 * sent + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (chunked) {
                out.write((Integer.toHexString(sent) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(body);
            }
            out.flush();
            if (path.contains("/quiet/")) {
                Thread.sleep(3_000);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException gone) {
            // the gateway hung up first: nothing to do
        }
    }
}
