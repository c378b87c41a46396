package vn.motcua.testinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** GreenMail, a real SMTP server, on a free loopback port; used on both infrastructure paths. */
final class SmtpServer {
    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static SmtpServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new SmtpServer(greenMail);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    void stop() {
        greenMail.stop();
    }
}
