package vn.motcua.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * One message to a citizen about one event: shown in their in-app inbox and sent by email.
 * Its id is the id of the event it tells about, so a redelivered event makes no second one.
 */
@Document(Notification.COLLECTION)
public class Notification extends Aggregate {
    public static final String COLLECTION = "notifications";
    /** How long the instance that created or readied an email has to send it before the sweeper may. */
    public static final Duration SENDER_FIRST = Duration.ofSeconds(60);

    @Id
    private final String id;
    @Indexed
    private final String recipientCitizenId;
    private final String dossierCode;
    private final String template;
    private final String title;
    private final String body;
    private final Instant createdAt;
    private String emailAddress;
    private EmailStatus emailStatus;
    private String emailFailure;
    /** How many times sending the email failed so far. */
    private int emailAttempts;
    /**
     * When a PENDING email is the sweeper's to send: a while after it was created or last tried, so
     * that the instance that created it sends it first, and one left behind by a crash is not lost.
     */
    @Indexed
    private Instant emailDueAt;

    public enum EmailStatus {
        /** The event came before the dossier event that says how to reach the citizen (another topic). */
        AWAITING_ADDRESS, PENDING, SENT, FAILED, NO_ADDRESS
    }

    @PersistenceCreator
    Notification(String id, String recipientCitizenId, String dossierCode, String template, String title,
            String body, Instant createdAt, String emailAddress, EmailStatus emailStatus, String emailFailure, Integer emailAttempts,
            Instant emailDueAt) {
        this.id = id;
        this.recipientCitizenId = recipientCitizenId;
        this.dossierCode = dossierCode;
        this.template = template;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
        this.emailAddress = emailAddress;
        this.emailStatus = emailStatus;
        this.emailFailure = emailFailure;
        // Stored before retries existed: no failed attempt yet, and due since it was created.
        this.emailAttempts = emailAttempts == null ? 0 : emailAttempts;
        this.emailDueAt = emailDueAt == null ? createdAt : emailDueAt;
    }

    public static Changed<Notification> create(String causeEventId, String recipientCitizenId, String dossierCode, Message message,
            String emailAddress, Instant now) {
        Notification notification = new Notification(causeEventId, recipientCitizenId, dossierCode,
                message.template(), message.title(), message.body(), now, emailAddress,
                emailAddress == null ? EmailStatus.NO_ADDRESS : EmailStatus.PENDING, null, 0, now.plus(SENDER_FIRST));
        return Changed.of(notification, new NotificationSent(causeEventId, dossierCode, recipientCitizenId,
                NotificationChannel.IN_APP, message.template(), now));
    }

    /**
     * In the inbox at once; the email waits until the citizen's contact is learned, instead of
     * the event being retried (which held up every topic of the service's one consumer, and
     * dead-lettered the event if the contact came late).
     */
    public static Changed<Notification> createBeforeAddressKnown(String causeEventId, String recipientCitizenId,
            String dossierCode, Message message, Instant now) {
        Changed<Notification> created = create(causeEventId, recipientCitizenId, dossierCode, message, null, now);
        created.aggregate().emailStatus = EmailStatus.AWAITING_ADDRESS;
        return created;
    }

    /** The contact is known now: the email can go (or there is none to send to). */
    public List<Event> addressLearned(String address, Instant now) {
        if (emailStatus != EmailStatus.AWAITING_ADDRESS) {
            throw new IllegalStateException("Notification " + id + " is not waiting for an address");
        }
        emailAddress = address;
        emailStatus = address == null ? EmailStatus.NO_ADDRESS : EmailStatus.PENDING;
        emailDueAt = now.plus(SENDER_FIRST);
        return List.of();
    }

    public List<Event> emailSent(Instant now) {
        emailStatus = EmailStatus.SENT;
        return List.of(new NotificationSent(id, dossierCode, recipientCitizenId, NotificationChannel.EMAIL, template, now));
    }

    /**
     * The sweeper takes a pending email whose time has come: the version-guarded write of this
     * change is the claim (of two instances, one sends), and the email is not due again for a lease.
     */
    public List<Event> claimEmail(Instant now, Duration lease) {
        if (emailStatus != EmailStatus.PENDING || emailDueAt.isAfter(now)) {
            throw new IllegalStateException("The email of notification " + id + " is not due");
        }
        emailDueAt = now.plus(lease);
        return List.of();
    }

    /** A failed attempt that will be made again at {@code retryAt}; the last one is {@link #emailFailed}. */
    public List<Event> emailRetryLater(String reason, Instant retryAt) {
        emailAttempts++;
        emailFailure = reason;
        emailDueAt = retryAt;
        return List.of();
    }

    public List<Event> emailFailed(String reason, Instant now) {
        emailAttempts++;
        emailStatus = EmailStatus.FAILED;
        emailFailure = reason;
        return List.of(new NotificationFailed(id, dossierCode, recipientCitizenId, NotificationChannel.EMAIL, reason, now));
    }

    public int emailAttempts() {
        return emailAttempts;
    }

    public Instant emailDueAt() {
        return emailDueAt;
    }

    @Override
    public String id() {
        return id;
    }

    public String recipientCitizenId() {
        return recipientCitizenId;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String template() {
        return template;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public EmailStatus emailStatus() {
        return emailStatus;
    }
}
