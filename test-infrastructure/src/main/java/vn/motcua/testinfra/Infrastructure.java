package vn.motcua.testinfra;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * What a test can reach: a Kafka broker, a MongoDB server and an SMTP server. SMTP is GreenMail
 * in this JVM whichever way Kafka and MongoDB run, so it is handled here once.
 */
public abstract class Infrastructure {
    private final SmtpServer smtp;

    Infrastructure(SmtpServer smtp) {
        this.smtp = smtp;
    }

    public abstract String name();

    public abstract String kafkaBootstrapServers();

    /** A connection string without database; each service picks its own database. */
    public abstract String mongoUri();

    public String smtpHost() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return smtp.port();
    }

    /** Every mail the SMTP server has accepted so far. */
    public List<MimeMessage> receivedMails() {
        return smtp.received();
    }

    /** The mails accepted so far whose first recipient is {@code address}. */
    public List<MimeMessage> receivedMailsTo(String address) {
        return receivedMails().stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException | RuntimeException unreadable) {
                return false;
            }
        }).toList();
    }

    void stopSmtp() {
        smtp.stop();
    }
}
