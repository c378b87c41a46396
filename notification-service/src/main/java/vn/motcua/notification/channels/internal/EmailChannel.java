package vn.motcua.notification.channels.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.problem.Causes;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.ChannelSender;
import vn.motcua.notification.channels.Outgoing;
import vn.motcua.notification.channels.SendOutcome;

/** Email through the SMTP server; a message the server took is as far as email can be followed. */
@Component
class EmailChannel implements ChannelSender {
    private final JavaMailSender mail;
    private final String from;
    private final Guard guard;

    EmailChannel(JavaMailSender mail, ChannelProperties channels, @Value("${motcua.notification.from}") String from) {
        this.mail = mail;
        this.from = from;
        this.guard = new Guard("smtp", channels.email());
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public SendOutcome send(Outgoing message) {
        MimeMessage mime;
        try {
            mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, true));
            helper.setTo(message.address());
            helper.setSubject(message.subject());
            helper.setText(message.text());
        } catch (MessagingException | MailParseException e) {
            return new SendOutcome.Refused("the address cannot take email: " + e.getMessage());
        }
        return guard.call(() -> {
            try {
                mail.send(mime);
                return new SendOutcome.Accepted(null, null, 0L);
            } catch (MailException e) {
                // A mailbox the server says does not exist (550 to RCPT) is as final as a malformed address: retrying it
                // for days, and counting it against the mail server until its breaker opened for every citizen, helped nobody.
                if (refusedForGood(e)) {
                    return new SendOutcome.Refused("the mail server refuses the address: " + e.getMessage());
                }
                throw new Guard.Busy("the mail server did not take it: " + e.getMessage());
            }
        });
    }

    /**
     * Whether the server refused the recipient for good: a 5xx reply to RCPT, which Jakarta Mail reports as an
     * invalid address. A 4xx (a full mailbox, greylisting) leaves the address valid and unsent: tried again later.
     */
    private static boolean refusedForGood(MailException failure) {
        if (!(failure instanceof MailSendException sending)) {
            return false;
        }
        return sending.getFailedMessages().values().stream()
                .flatMap(cause -> Causes.find(cause, SendFailedException.class).stream())
                .anyMatch(refused -> refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
    }
}
