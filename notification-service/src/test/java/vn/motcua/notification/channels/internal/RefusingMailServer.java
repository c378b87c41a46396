package vn.motcua.notification.channels.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import vn.motcua.testinfra.LoopbackServer;

/**
 * An SMTP server that answers every recipient, or every message's end, with one reply (550: no such
 * mailbox; 451: try later; 554: refused as spam), as a provider's server does for an address or a
 * message it will not take. GreenMail, the platform's mail server in tests, takes everything.
 */
final class RefusingMailServer implements AutoCloseable {
    private final String recipientReply;
    private final String messageReply;
    private final LoopbackServer server;

    private RefusingMailServer(String recipientReply, String messageReply) {
        this.recipientReply = recipientReply;
        this.messageReply = messageReply;
        this.server = LoopbackServer.start(this::converse);
    }

    static RefusingMailServer answeringRecipients(String reply) {
        return new RefusingMailServer(reply, "250 OK");
    }

    /** Takes every recipient and answers the end of every message with this reply. */
    static RefusingMailServer answeringMessages(String reply) {
        return new RefusingMailServer("250 OK", reply);
    }

    int port() {
        return server.port();
    }

    private void converse(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = connection.getOutputStream();
            reply(out, "220 refusing.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> reply(out, recipientReply);
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        for (String text = in.readLine(); text != null && !text.equals("."); text = in.readLine()) {
                            // the message, not kept
                        }
                        reply(out, messageReply);
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Not implemented");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        server.close();
    }
}
