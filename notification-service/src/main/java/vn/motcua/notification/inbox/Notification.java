package vn.motcua.notification.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.kit.outbox.OutboxEntry;

/**
 * One message to a citizen about one event: shown in their in-app inbox and sent by email.
 * Its id is the id of the event it tells about, so a redelivered event makes no second one.
 */
@Document(Notification.COLLECTION)
public class Notification {
    public static final String COLLECTION = "notifications";

    @Id
    private final String id;
    @Version
    private Long version;
    @Indexed
    private final String recipientCitizenId;
    private final String dossierCode;
    private final String template;
    private final String title;
    private final String body;
    private final Instant createdAt;
    private final String emailAddress;
    private EmailStatus emailStatus;
    private String emailFailure;
    private final List<OutboxEntry> pendingEvents;

    public enum EmailStatus {
        PENDING, SENT, FAILED, NO_ADDRESS
    }

    @PersistenceCreator
    Notification(String id, Long version, String recipientCitizenId, String dossierCode, String template, String title,
            String body, Instant createdAt, String emailAddress, EmailStatus emailStatus, String emailFailure,
            List<OutboxEntry> pendingEvents) {
        this.id = id;
        this.version = version;
        this.recipientCitizenId = recipientCitizenId;
        this.dossierCode = dossierCode;
        this.template = template;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
        this.emailAddress = emailAddress;
        this.emailStatus = emailStatus;
        this.emailFailure = emailFailure;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    public record Changed(Notification notification, List<Event> events) {
    }

    public static Changed create(String causeEventId, String recipientCitizenId, String dossierCode, Message message,
            String emailAddress, Instant now) {
        Notification notification = new Notification(causeEventId, null, recipientCitizenId, dossierCode,
                message.template(), message.title(), message.body(), now, emailAddress,
                emailAddress == null ? EmailStatus.NO_ADDRESS : EmailStatus.PENDING, null, List.of());
        return new Changed(notification, List.of(new NotificationSent(causeEventId, dossierCode, recipientCitizenId,
                "IN_APP", message.template(), now)));
    }

    public List<Event> emailSent(Instant now) {
        emailStatus = EmailStatus.SENT;
        return List.of(new NotificationSent(id, dossierCode, recipientCitizenId, "EMAIL", template, now));
    }

    public List<Event> emailFailed(String reason, Instant now) {
        emailStatus = EmailStatus.FAILED;
        emailFailure = reason;
        return List.of(new NotificationFailed(id, dossierCode, recipientCitizenId, "EMAIL", reason, now));
    }

    public void enqueue(List<OutboxEntry> entries) {
        pendingEvents.addAll(entries);
    }

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
