package vn.motcua.testinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a server sent back on one connection, byte for byte, up to its closing it: for answers an
 * HTTP client would hide (one cut short, one whose framing is wrong). The request asks to keep the
 * connection alive, so a server that ends its answer normally keeps it open: {@link #send} says so
 * by failing after ten seconds.
 */
public record RawAnswer(int status, String head, String body) {
    private static final int WAIT_MILLIS = 10_000;

    /**
     * Sends {@code GET path} with these header lines ("Connection: close" for an answer that should end
     * normally) to the server on this local port and reads until the server closes the connection.
     */
    public static RawAnswer send(int port, String path, String... headers) {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + Arrays.stream(headers).map(header -> header + "\r\n").collect(Collectors.joining()) + "\r\n");
    }

    /** Sends this request, byte for byte as written, and reads until the server closes the connection. */
    public static RawAnswer exchange(int port, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(WAIT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String all = readUntilClosed(socket.getInputStream(), request.substring(0, request.indexOf('\r')));
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : all.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readUntilClosed(InputStream in, String requestLine) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                all.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError(requestLine + ": the server kept the connection open " + WAIT_MILLIS / 1000
                    + " s after sending " + all.size() + " bytes", stillOpen);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether a chunked answer came to its end: its last, empty chunk. A client takes an answer without it as failed. */
    public boolean chunkedToItsEnd() {
        return head.toLowerCase().contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }
}
