package vn.motcua.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.work.CountedWork;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.ChannelSender;
import vn.motcua.notification.channels.Outgoing;
import vn.motcua.notification.channels.SendOutcome;
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Notification;

/**
 * Tries a notification's current channel and records what the provider said: accepted (await the
 * receipt), try later (stored with its time, up to the channel's attempts), refused or out of
 * attempts (the next channel at once). Quiet hours hold a message to a phone until morning. Each
 * outcome is one version-guarded write, so a sender that lost the notification to another (the
 * sweeper, after its lease) stops; the provider takes a resend under the same reference as the
 * same message.
 */
@Component
class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(30);
    private static final String NO_VALUE = "—";

    private final Map<NotificationChannel, ChannelSender> senders = new EnumMap<>(NotificationChannel.class);
    private final ChannelProperties terms;
    private final AggregateStore notifications;
    private final QuietHours quietHours;
    private final AwaitedReceipts awaitedReceipts;
    private final Clock clock;
    /** Sends handed off and not finished. */
    private final CountedWork handOff;
    /**
     * How many senders of this instance have each notification in hand, from its hand-off to the end
     * of its attempt: a redelivered event leaves those to their sender.
     */
    private final Map<String, Integer> trying = new ConcurrentHashMap<>();

    Dispatcher(List<ChannelSender> senders, ChannelProperties terms, AggregateStore notifications, QuietHours quietHours,
            AwaitedReceipts awaitedReceipts, Clock clock, MeterRegistry meters) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.terms = terms;
        this.notifications = notifications;
        this.quietHours = quietHours;
        this.awaitedReceipts = awaitedReceipts;
        this.clock = clock;
        this.handOff = new CountedWork("motcua.notification.sends.active",
                "Notifications handed to a sender and not yet through with their attempt", meters);
    }

    /** Sends a stored notification off the caller's thread: an event's consumer does not wait for providers. */
    void soon(Notification notification) {
        if (!notification.readyToSend()) {
            return;
        }
        inHand(notification.id());
        try {
            handOff.start(() -> {
                try {
                    sendNow(notification);
                } finally {
                    outOfHand(notification.id());
                }
            });
        } catch (RuntimeException notTaken) {
            outOfHand(notification.id());
            throw notTaken;
        }
    }

    /** Runs a look at a notification later, off the caller's thread; a failure leaves it to the sweeper. */
    void after(Duration delay, Runnable look) {
        handOff.start(() -> {
            try {
                Thread.sleep(delay);
                look.run();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("A later look at a notification failed; the sweeper takes it up: {}", e.toString());
            }
        });
    }

    private void inHand(String id) {
        trying.merge(id, 1, Integer::sum);
    }

    private void outOfHand(String id) {
        trying.computeIfPresent(id, (key, senders) -> senders == 1 ? null : senders - 1);
    }

    /** True while a sender of this instance has the notification in hand. */
    boolean trying(String notificationId) {
        return trying.containsKey(notificationId);
    }

    /** Tries the current channel, and the next ones while a channel refuses at once. */
    void sendNow(Notification notification) {
        if (!notification.readyToSend()) {
            return;
        }
        AwaitedReceipts.Sending sending = awaitedReceipts.sending(notification.id());
        boolean asStored = false;
        try {
            while (notification.readyToSend()) {
                if (!attemptCurrent(notification)) {
                    break;
                }
            }
            asStored = true;
        } catch (OptimisticLockingFailureException takenByAnother) {
            log.info("Notification {} changed meanwhile; whoever changed it carries on", notification.id());
        } catch (RuntimeException e) {
            log.warn("Sending notification {} failed; the sweeper tries again: {}", notification.id(), e.toString());
        } finally {
            // Last: from here on the notification belongs to its receipt's handler.
            awaitedReceipts.sent(sending, notification, asStored);
        }
    }

    /** @return true when the next channel is to be tried now */
    private boolean attemptCurrent(Notification notification) {
        Delivery delivery = notification.currentDelivery();
        NotificationChannel channel = delivery.channel();
        Instant attemptedAt = clock.instant();
        Optional<Instant> hold = quietHours.holdUntil(channel, notification.urgent(), attemptedAt);
        if (hold.isPresent()) {
            notifications.update(notification, notification.hold(hold.get()));
            return false;
        }
        SendOutcome outcome = senders.get(channel).send(outgoing(notification, channel));
        Instant now = clock.instant();
        ChannelProperties.Terms channelTerms = terms.termsOf(channel);
        List<Event> events = switch (outcome) {
            case SendOutcome.Accepted accepted -> notification.accepted(accepted.messageId(), accepted.parts(), accepted.cost(), attemptedAt, now,
                    channelTerms.receiptTimeout() == null ? now : now.plus(channelTerms.receiptTimeout()));
            case SendOutcome.TryLater later when delivery.attemptCount() + 1 < Math.max(1, channelTerms.maxAttempts()) ->
                    notification.retryLater(later.reason(), attemptedAt, now.plus(backoff(channelTerms, delivery.attemptCount())));
            case SendOutcome.TryLater later -> notification.failed(later.reason() + " (after " + (delivery.attemptCount() + 1) + " attempts)",
                    attemptedAt, now);
            case SendOutcome.Refused refused -> notification.failed(refused.reason(), attemptedAt, now);
        };
        notifications.update(notification, events);
        return !(outcome instanceof SendOutcome.TryLater) || notification.currentDelivery() == null
                || notification.currentDelivery().channel() != channel;
    }

    private Outgoing outgoing(Notification notification, NotificationChannel channel) {
        String address = channel == NotificationChannel.EMAIL ? notification.email() : notification.phone();
        return new Outgoing(notification.id() + "/" + channel, address, notification.template(), notification.title(), notification.body(),
                notification.shortText(), templateData(notification));
    }

    /**
     * What a Zalo template is filled with: the values of the platform's template under their own
     * names, and its short text as {@code noi_dung}. ZNS refuses an empty value, so none is sent
     * empty; a notification stored before it kept its values still names its dossier.
     */
    static Map<String, String> templateData(Notification notification) {
        Map<String, String> data = new TreeMap<>();
        notification.values().forEach((name, value) -> data.put(name, value.isBlank() ? NO_VALUE : value));
        if (notification.dossierCode() != null) {
            data.putIfAbsent("dossier_code", notification.dossierCode());
        }
        data.put("noi_dung", notification.shortText());
        return data;
    }

    /** 30 s, 2 min, 8 min… after the first, second, third failed attempt (the first retry is the channel's term). */
    private static Duration backoff(ChannelProperties.Terms terms, int failedSoFar) {
        Duration first = terms.firstRetry() == null ? DEFAULT_FIRST_RETRY : terms.firstRetry();
        return first.multipliedBy(1L << (2 * Math.min(failedSoFar, 10)));
    }
}
