package vn.motcua.notification.channels.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
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
    /** The commands that carry the message: DATA, and the dot that ends it. */
    private static final Set<String> MESSAGE_COMMANDS = Set.of("DATA", ".");

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
            mime.setHeader("Message-ID", messageIdOf(message.reference(), from));
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
                if (addressRefusedForGood(e)) {
                    return new SendOutcome.Refused("the mail server refuses the address: " + e.getMessage());
                }
                if (messageRefusedForGood(e)) {
                    return new SendOutcome.Refused("the mail server refuses the message: " + e.getMessage());
                }
                throw new Guard.Busy("the mail server did not take it: " + e.getMessage());
            }
        });
    }

    /**
     * The same message sent twice (its first attempt's outcome lost, then taken up again: ADR 0019) carries the same
     * Message-ID, by which mailbox providers and mail clients keep it once; SMTP itself has no such reference. Spring
     * keeps a Message-ID set before sending. The reference may hold characters a Message-ID may not: it is named by a
     * UUID derived from it, at the sender's domain.
     */
    static String messageIdOf(String reference, String from) throws AddressException {
        String address = new InternetAddress(from, true).getAddress();
        return "<" + UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8)) + ".notification@"
                + address.substring(address.lastIndexOf('@') + 1) + ">";
    }

    /**
     * Whether the server refused the recipient for good: a 5xx reply to RCPT, which Jakarta Mail reports as an
     * invalid address. A 4xx (a full mailbox, greylisting) leaves the address valid and unsent: tried again later.
     */
    private static boolean addressRefusedForGood(MailException failure) {
        return refusals(failure, SendFailedException.class)
                .anyMatch(refused -> refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
    }

    /**
     * Whether the server took the recipient but refused the message itself with a 5xx (554 at its end: judged spam or
     * against its policy; 552: too large). The same text would be refused again, so it goes by the next channel. A 5xx
     * to the sender (MAIL FROM) is not one: that is the platform's own configuration, which every message waits for.
     */
    private static boolean messageRefusedForGood(MailException failure) {
        return refusals(failure, SMTPSendFailedException.class)
                .anyMatch(refused -> refused.getReturnCode() >= 500 && MESSAGE_COMMANDS.contains(refused.getCommand()));
    }

    private static <T extends Throwable> Stream<T> refusals(MailException failure, Class<T> kind) {
        if (!(failure instanceof MailSendException sending)) {
            return Stream.empty();
        }
        return sending.getFailedMessages().values().stream().flatMap(cause -> Causes.find(cause, kind).stream());
    }
}
