package vn.motcua.testinfra;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** What a test can reach: a Kafka broker, a MongoDB server and an SMTP server. */
public interface Infrastructure {
    String name();

    String kafkaBootstrapServers();

    /** A connection string without database; each service picks its own database. */
    String mongoUri();

    String smtpHost();

    int smtpPort();

    /** Every mail the SMTP server has accepted so far. */
    List<MimeMessage> receivedMails();
}
