package vn.motcua.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.events.notification.NotificationDelivered;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;

/**
 * One message to one recipient about one event, for one purpose: in their in-app inbox at once,
 * then sent on their channels in their order (Zalo, SMS, email by default) until one reaches them,
 * or on all of them for a message the law wants sent everywhere. Each channel has its attempts
 * ({@link Delivery}); a redelivered event finds the notification there and sends nothing again.
 */
@Document(Notification.COLLECTION)
public class Notification extends Aggregate {
    public static final String COLLECTION = "notifications";
    /** How long the instance that created or advanced a notification has to send it before the sweeper may. */
    public static final Duration SENDER_FIRST = Duration.ofSeconds(60);

    @Id
    private final String id;
    @Indexed
    private final String recipientCitizenId;
    private final String dossierCode;
    private final String template;
    private final String title;
    private final String body;
    private final String shortText;
    /** The values its template was filled with: a Zalo template is filled with them. */
    private final Map<String, String> values;
    private final Instant createdAt;
    /** Not held by quiet hours (a turn about to be called). */
    private final boolean urgent;
    /** Sent on every channel the recipient has, not only until one reaches them (form 04's apology). */
    private final boolean everyChannel;
    private String email;
    private String phone;
    private Status status;
    private List<Delivery> deliveries;
    private int current;
    /** When the sweeper is to look at it: a retry, the end of quiet hours, a receipt overdue, a crashed sender. */
    @Indexed
    private Instant dueAt;
    private Instant readAt;

    public enum Status {
        /** In the inbox; the addresses come with an event on another topic. */
        AWAITING_CONTACT,
        /** Its channels are being tried. */
        SENDING,
        /** A channel reached the recipient. */
        DONE,
        /** Every channel failed: only the inbox has it. */
        FAILED,
        /** Nothing to send beyond the inbox: no channel, no address, or opted out. */
        INBOX_ONLY
    }

    @PersistenceCreator
    Notification(String id, String recipientCitizenId, String dossierCode, String template, String title, String body, String shortText,
            Map<String, String> values, Instant createdAt, Boolean urgent, Boolean everyChannel, String email, String phone, Status status,
            List<Delivery> deliveries, Integer current, Instant dueAt, Instant readAt) {
        this.id = id;
        this.recipientCitizenId = recipientCitizenId;
        this.dossierCode = dossierCode;
        this.template = template;
        this.title = title;
        this.body = body;
        this.shortText = shortText == null ? title : shortText;
        this.values = values == null ? Map.of() : Map.copyOf(values);
        this.createdAt = createdAt;
        this.urgent = Boolean.TRUE.equals(urgent);
        this.everyChannel = Boolean.TRUE.equals(everyChannel);
        this.email = email;
        this.phone = phone;
        this.status = status == null ? Status.INBOX_ONLY : status;
        this.deliveries = deliveries == null ? new ArrayList<>() : new ArrayList<>(deliveries);
        this.current = current == null ? 0 : current;
        this.dueAt = dueAt;
        this.readAt = readAt;
    }

    /**
     * @param reach the recipient's channels and addresses, or null while they are not known yet
     * @param everyChannel send on each channel of the reach, not only until one reaches the recipient
     */
    public static Changed<Notification> create(String id, String recipientId, String dossierCode, Message message, Reach reach,
            boolean urgent, boolean everyChannel, Instant now) {
        Notification notification = planned(id, recipientId, dossierCode, message, reach, urgent, everyChannel, now);
        return Changed.of(notification, new NotificationSent(id, dossierCode, recipientId, NotificationChannel.IN_APP, message.template(), now));
    }

    /**
     * A message for someone known by a phone number only (a booking made by the hotline or a chat
     * bot): no inbox anybody reads, so no in-app delivery is announced; only its channels tell.
     */
    public static Changed<Notification> createForPhone(String id, String phone, String dossierCode, Message message, Reach reach,
            boolean urgent, boolean everyChannel, Instant now) {
        return Changed.of(planned(id, phoneRecipient(phone), dossierCode, message, reach, urgent, everyChannel, now));
    }

    private static Notification planned(String id, String recipientId, String dossierCode, Message message, Reach reach, boolean urgent,
            boolean everyChannel, Instant now) {
        Notification notification = new Notification(id, recipientId, dossierCode, message.template(), message.title(), message.body(),
                message.shortText(), message.values(), now, urgent, everyChannel, null, null, Status.AWAITING_CONTACT, null, 0, null, null);
        if (reach != null) {
            notification.plan(reach, now);
        }
        return notification;
    }

    /** The addresses are known now: the channels can be tried. */
    public List<Event> contactLearned(Reach reach, Instant now) {
        if (status != Status.AWAITING_CONTACT) {
            return AggregateStore.UNCHANGED;
        }
        plan(reach, now);
        return List.of();
    }

    private void plan(Reach reach, Instant now) {
        email = reach.email();
        phone = reach.phone();
        deliveries = new ArrayList<>(reach.channels().stream().map(Delivery::waiting).toList());
        current = 0;
        status = deliveries.isEmpty() ? Status.INBOX_ONLY : Status.SENDING;
        dueAt = deliveries.isEmpty() ? null : now.plus(SENDER_FIRST);
    }

    /** A member of staff's inbox key: apart from citizens' (a citizen id is 12 digits, never this). */
    public static String staffRecipient(String username) {
        return "staff:" + username;
    }

    /** The key of a phone number's messages: apart from citizens' and staff's, an inbox nobody signs in to. */
    public static String phoneRecipient(String phone) {
        return "phone:" + phone;
    }

    /** The channel being tried now, if any is. */
    public Delivery currentDelivery() {
        return status == Status.SENDING ? deliveries.get(current) : null;
    }

    /** True when the current channel is the sender's to try now (not awaiting a receipt). */
    public boolean readyToSend() {
        return status == Status.SENDING && deliveries.get(current).status().open();
    }

    /** Quiet hours: the current channel waits until {@code until}. */
    public List<Event> hold(Instant until) {
        replaceCurrent(currentDelivery().held());
        dueAt = until;
        return List.of();
    }

    /**
     * The sweeper takes a notification whose time has come: the version-guarded write of this change
     * is the claim (of two instances, one sends), and it is not due again for a lease.
     */
    public List<Event> claim(Instant now, Duration lease) {
        if (!readyToSend() || dueAt.isAfter(now)) {
            throw new IllegalStateException("Notification " + id + " is not due");
        }
        dueAt = now.plus(lease);
        return List.of();
    }

    /**
     * Stored to be sent and nothing since: its first channel not tried, and no sender's claim on it
     * (a claim moves its due time). So its sender stopped before its attempt (the database gone, the
     * service killed), or is still in it on another instance.
     */
    public boolean neverTried() {
        Delivery delivery = currentDelivery();
        return delivery != null && current == 0 && delivery.status() == Delivery.Status.WAITING && delivery.attemptCount() == 0
                && dueAt != null && !dueAt.isAfter(createdAt.plus(SENDER_FIRST));
    }

    /**
     * The event that made this notification came again and finds it {@link #neverTried}: it is taken
     * up now rather than at its due time. The version-guarded write of this change is the claim, as
     * the sweeper's is, and it gives the new sender the head start a first sender has.
     */
    public List<Event> claimNeverTried(Instant now) {
        if (!neverTried()) {
            throw new IllegalStateException("Notification " + id + " has been tried already");
        }
        dueAt = now.plus(SENDER_FIRST);
        return List.of();
    }

    /**
     * The provider took the message. Email ends there (no receipts); SMS and Zalo wait for a receipt
     * until {@code receiptDue}, after which the next channel is tried.
     */
    public List<Event> accepted(String messageId, Integer parts, Long cost, Instant attemptedAt, Instant now, Instant receiptDue) {
        Delivery delivery = currentDelivery();
        boolean receipts = delivery.channel() != NotificationChannel.EMAIL;
        replaceCurrent(delivery.accepted(receipts ? Delivery.Status.ACCEPTED : Delivery.Status.SENT, messageId, parts, cost, attemptedAt, now));
        List<Event> events = new ArrayList<>();
        events.add(new NotificationSent(id, dossierCode, recipientCitizenId, delivery.channel(), template, now));
        if (receipts) {
            dueAt = receiptDue;
        } else {
            advance(now);
        }
        return events;
    }

    /** A failed attempt worth making again at {@code retryAt}. */
    public List<Event> retryLater(String reason, Instant attemptedAt, Instant retryAt) {
        replaceCurrent(currentDelivery().failedAttempt(Delivery.Status.WAITING, reason, attemptedAt));
        dueAt = retryAt;
        return List.of();
    }

    /** The channel cannot take it (no account, a bad number, attempts used up): the next channel's turn. */
    public List<Event> failed(String reason, Instant attemptedAt, Instant now) {
        Delivery delivery = currentDelivery();
        replaceCurrent(delivery.failedAttempt(Delivery.Status.FAILED, reason, attemptedAt));
        List<Event> events = new ArrayList<>();
        events.add(new NotificationFailed(id, dossierCode, recipientCitizenId, delivery.channel(), reason, now));
        advance(now);
        return events;
    }

    /**
     * The provider's receipt for the message on {@code channel}. A repeated receipt, or one for a
     * channel given up on, changes nothing.
     *
     * @throws ReceiptBeforeAcceptance when the sender has not recorded the acceptance yet (the
     *     provider is answered "try again", and its next call finds it)
     */
    public List<Event> receipt(NotificationChannel channel, String messageId, boolean delivered, String reason, Instant at, Instant now) {
        int index = indexOf(channel);
        if (index < 0) {
            return AggregateStore.UNCHANGED;
        }
        Delivery delivery = deliveries.get(index);
        if (delivery.status().open() && index == current && status == Status.SENDING) {
            throw new ReceiptBeforeAcceptance(id, channel);
        }
        if (delivery.status() != Delivery.Status.ACCEPTED || !messageId.equals(delivery.providerMessageId())) {
            return AggregateStore.UNCHANGED;
        }
        if (delivered) {
            deliveries.set(index, delivery.receiptSaysDelivered(at));
            List<Event> events = new ArrayList<>();
            events.add(new NotificationDelivered(id, dossierCode, recipientCitizenId, channel, messageId, at));
            if (index == current) {
                advance(now);
            }
            return events;
        }
        deliveries.set(index, delivery.receiptSaysFailed(reason));
        List<Event> events = new ArrayList<>();
        events.add(new NotificationFailed(id, dossierCode, recipientCitizenId, channel, reason, now));
        if (index == current) {
            advance(now);
        }
        return events;
    }

    /** The receipt did not come in time: the message is taken as not delivered, and the next channel tried. */
    public List<Event> receiptOverdue(Instant now) {
        Delivery delivery = currentDelivery();
        if (delivery == null || delivery.status() != Delivery.Status.ACCEPTED || dueAt.isAfter(now)) {
            throw new IllegalStateException("Notification " + id + " awaits no overdue receipt");
        }
        String reason = "no delivery receipt by " + dueAt;
        replaceCurrent(delivery.receiptSaysFailed(reason));
        List<Event> events = new ArrayList<>();
        events.add(new NotificationFailed(id, dossierCode, recipientCitizenId, delivery.channel(), reason, now));
        advance(now);
        return events;
    }

    public List<Event> markRead(Instant now) {
        if (readAt != null) {
            return AggregateStore.UNCHANGED;
        }
        readAt = now;
        return List.of();
    }

    /** After a channel's outcome: the next channel, unless one reached the recipient already (and one is enough). */
    private void advance(Instant now) {
        boolean reached = deliveries.stream().anyMatch(d -> d.status().reachedRecipient());
        if (reached && !everyChannel) {
            for (int i = current + 1; i < deliveries.size(); i++) {
                deliveries.set(i, deliveries.get(i).notNeeded());
            }
            finish(Status.DONE);
            return;
        }
        if (current + 1 < deliveries.size()) {
            current++;
            dueAt = now.plus(SENDER_FIRST);
            return;
        }
        finish(reached ? Status.DONE : Status.FAILED);
    }

    private void finish(Status outcome) {
        status = outcome;
        dueAt = null;
    }

    private void replaceCurrent(Delivery delivery) {
        deliveries.set(current, delivery);
    }

    private int indexOf(NotificationChannel channel) {
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).channel() == channel) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "Notification " + id + " " + status + " due " + dueAt + " " + deliveries;
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

    public String shortText() {
        return shortText;
    }

    public Map<String, String> values() {
        return values;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean urgent() {
        return urgent;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public Status status() {
        return status;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant readAt() {
        return readAt;
    }
}
