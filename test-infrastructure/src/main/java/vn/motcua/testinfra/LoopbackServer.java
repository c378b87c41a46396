package vn.motcua.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A server on a free loopback port that hands each connection, on a virtual thread of its own, to a
 * conversation written byte for byte: for the outside world misbehaving in ways no real server does
 * on purpose (an answer broken off, a recipient refused).
 */
public final class LoopbackServer implements AutoCloseable {
    private final ServerSocket socket;

    private LoopbackServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** @param conversation what the server says on one connection; it closes the connection when done */
    public static LoopbackServer start(Consumer<Socket> conversation) {
        try {
            LoopbackServer server = new LoopbackServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread.ofVirtual().start(() -> server.acceptAll(conversation));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    private void acceptAll(Consumer<Socket> conversation) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> conversation.accept(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
