package vn.motcua.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.notification.inbox.Notification;

/**
 * Sends a notification's email through the SMTP server and records the outcome. A failed attempt is
 * tried again later by the sweeper, after 30 s, 2 min, 8 min, 32 min; the fifth failure is final
 * ({@code NotificationFailed}).
 */
@Component
class EmailSender {
    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final JavaMailSender mail;
    private final AggregateStore notifications;
    private final Clock clock;
    private final String from;

    EmailSender(JavaMailSender mail, AggregateStore notifications, Clock clock, @Value("${motcua.notification.from}") String from) {
        this.mail = mail;
        this.notifications = notifications;
        this.clock = clock;
        this.from = from;
    }

    void send(Notification notification) {
        List<? extends Event> outcome;
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, true));
            helper.setTo(notification.emailAddress());
            helper.setSubject(notification.title());
            helper.setText(notification.body());
            mail.send(message);
            outcome = notification.emailSent(clock.instant());
        } catch (MailException | MessagingException e) {
            Instant now = clock.instant();
            int attempt = notification.emailAttempts() + 1;
            log.warn("Email for notification {} failed (attempt {} of {}): {}", notification.id(), attempt, MAX_ATTEMPTS, e.toString());
            outcome = attempt >= MAX_ATTEMPTS ? notification.emailFailed(e.getMessage(), now)
                    : notification.emailRetryLater(e.getMessage(), now.plus(FIRST_RETRY.multipliedBy(1L << (2 * (attempt - 1)))));
        }
        notifications.update(notification, outcome);
    }
}
