package vn.motcua.notification.delivery;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.notification.channels.Receipt;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.NotificationRepository;
import vn.motcua.notification.inbox.Reach;
import vn.motcua.notification.inbox.ReceiptBeforeAcceptance;
import vn.motcua.notification.recipients.AddressesLearnt;
import vn.motcua.notification.recipients.ReachBook;
import vn.motcua.notification.recipients.Recipient;

/**
 * Creates one notification per (event, recipient, purpose) and starts it on its way; resumes those
 * that waited for the recipient's addresses; applies providers' receipts.
 */
@Component
public class Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    /**
     * Longer than a first attempt takes on a working stack, far shorter than the sweeper's minute: a
     * notification found never tried this long after it was stored is taken to have lost its sender.
     */
    static final Duration FIRST_ATTEMPT = Duration.ofSeconds(10);
    /** As long as the storage's wait of early receipts: a sender's write is usually a moment away. */
    private static final Duration OVERTAKEN_SENDER = Duration.ofMillis(700);

    private final ReachBook reachBook;
    private final MessagePolicy policy;
    private final AggregateStore notifications;
    private final NotificationRepository repository;
    private final Dispatcher dispatcher;
    private final AwaitingContact awaiting;
    private final AwaitedReceipts awaitedReceipts;
    private final Counter receiptsOnKept;
    private final Counter receiptsOnStored;
    private final Clock clock;
    /** 100, 200, 400 ms: 0.7 s in all, well under the providers' own retry of a refused callback. */
    private final Retry earlyReceipts = Retry.of("early-receipts", RetryConfig.custom().maxAttempts(4)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
            .retryExceptions(ReceiptBeforeAcceptance.class).build());

    Deliveries(ReachBook reachBook, MessagePolicy policy, AggregateStore notifications, NotificationRepository repository,
            Dispatcher dispatcher, AwaitingContact awaiting, AwaitedReceipts awaitedReceipts, Clock clock, MeterRegistry meters) {
        this.reachBook = reachBook;
        this.policy = policy;
        this.notifications = notifications;
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.awaiting = awaiting;
        this.awaitedReceipts = awaitedReceipts;
        this.receiptsOnKept = receiptCounter(meters, "kept");
        this.receiptsOnStored = receiptCounter(meters, "read");
        this.clock = clock;
    }

    private static Counter receiptCounter(MeterRegistry meters, String copy) {
        return Counter.builder("motcua.notification.receipts").tag("copy", copy)
                .description("Providers' receipts applied to the copy the sender kept, or to the notification read from storage")
                .register(meters);
    }

    /**
     * @param id the same for every delivery of the same event to the same recipient for the same
     *     purpose, so a redelivered event tells nobody twice
     */
    void tell(String id, String recipientId, String dossierCode, Message message) {
        tell(id, recipientId, dossierCode, message, reachBook.contactOf(recipientId));
    }

    /**
     * {@link #tell} about the dossier the recipient has just submitted, at the addresses stated on it:
     * not read back from storage, where the submission has just written them.
     */
    void tellAtStated(String id, Recipient stated, String dossierCode, Message message) {
        tell(id, stated.citizenId(), dossierCode, message, Optional.of(reachBook.contactStated(stated)));
    }

    /** {@link #tell} about a booking: at the phone number it was booked for, unless the citizen chose another. */
    void tellAboutBooking(String id, String recipientId, String bookedFor, String dossierCode, Message message) {
        tell(id, recipientId, dossierCode, message, reachBook.contactOf(recipientId, bookedFor));
    }

    /** A message about a booking made for a phone number only: by its channels, there being no inbox to read it in. */
    void tellPhone(String id, String phone, String dossierCode, Message message) {
        Reach reach = reach(reachBook.contactAtPhone(Notification.phoneRecipient(phone), phone), message.template());
        if (reach.channels().isEmpty()) {
            // A phone number is personal data (Decree 13/2023): the log names the notification, whose record has the number.
            log.warn("No channel offered here reaches the phone of notification {}: {} is told nobody", id, message.template());
        }
        var created = Notification.createForPhone(id, phone, dossierCode, message, reach, policy.urgent().contains(message.template()),
                policy.everyChannel().contains(message.template()), clock.instant());
        if (store(created)) {
            dispatcher.soon(created.aggregate());
        } else {
            tryIfNeverTried(id);
        }
    }

    /** The channels for one kind of message: a notice the law requires goes whatever the opt-outs. */
    private Reach reach(ReachBook.Contact contact, String template) {
        return contact.reach(template, policy.mandatory().contains(template));
    }

    private void tell(String id, String recipientId, String dossierCode, Message message, Optional<ReachBook.Contact> contact) {
        Optional<Reach> reach = contact.map(known -> reach(known, message.template()));
        var created = Notification.create(id, recipientId, dossierCode, message, reach.orElse(null),
                policy.urgent().contains(message.template()), policy.everyChannel().contains(message.template()), clock.instant());
        if (!store(created)) {
            resumeIfCutShort(id, recipientId);
            return;
        }
        if (reach.isPresent()) {
            dispatcher.soon(created.aggregate());
        } else {
            waitForContact(recipientId, id);
        }
    }

    private void waitForContact(String recipientId, String id) {
        Recipient listed = awaiting.add(recipientId, id);
        // Its addresses may have been learnt meanwhile, by a submission, a token or the preferences, which did not see
        // this notification listed. If the document shows none of them, nothing more to read.
        if (listed.mayBeReached()) {
            reachBook.contactOf(listed).ifPresent(contact -> resume(recipientId, listed.awaitingContact(), contact));
        }
    }

    /**
     * The event came again: its first handling stored the notification, and may have stopped (the
     * database gone, the service killed) before listing it as waiting for addresses, or before its
     * first attempt. Listed now, or it would wait for ever: only the listed are resumed when the
     * addresses come. Tried once its sender has plainly stopped ({@link #FIRST_ATTEMPT} after it was
     * stored), or the citizen would wait for the sweeper, a minute after it was stored and more
     * after a restart.
     */
    private void resumeIfCutShort(String id, String recipientId) {
        Optional<Notification> stored = repository.findById(id);
        if (stored.filter(found -> found.status() == Notification.Status.AWAITING_CONTACT).isPresent()) {
            waitForContact(recipientId, id);
        } else {
            tryIfNeverTried(stored, id);
        }
    }

    private void tryIfNeverTried(String id) {
        tryIfNeverTried(repository.findById(id), id);
    }

    private void tryIfNeverTried(Optional<Notification> stored, String id) {
        if (stored.filter(Notification::neverTried).isEmpty() || dispatcher.trying(id)) {
            log.info("Notification {} exists already; not sent again", id);
            return;
        }
        Notification neverTried = stored.get();
        Duration senderMayBeBusy = Duration.between(clock.instant(), neverTried.createdAt().plus(FIRST_ATTEMPT));
        if (senderMayBeBusy.isPositive()) {
            // A replay after a rebalance comes within a second or two: the first sender may be in its attempt elsewhere.
            dispatcher.after(senderMayBeBusy, () -> tryIfNeverTried(id));
            return;
        }
        try {
            notifications.update(neverTried, neverTried.claimNeverTried(clock.instant()));
        } catch (OptimisticLockingFailureException takenByAnother) {
            return;
        }
        log.info("Notification {} was stored and never tried; its event came again, so it is tried now", id);
        dispatcher.soon(neverTried);
    }

    /**
     * A message to a member of staff: in their inbox, and by email when the realm has their address
     * (officers' warnings are not for their phones).
     *
     * @return false when a message of this id was stored before: nothing new is sent
     */
    public boolean tellStaff(String id, String recipientId, String dossierCode, Message message, String email) {
        Reach reach = new Reach(email, null, email == null ? List.of() : List.of(NotificationChannel.EMAIL));
        var created = Notification.create(id, recipientId, dossierCode, message, reach, false, false, clock.instant());
        if (store(created)) {
            dispatcher.soon(created.aggregate());
            return true;
        }
        tryIfNeverTried(id);
        return false;
    }

    /**
     * A notification about to be sent is written again at once with the outcome of its first attempt
     * (or its hold until morning): its inbox event goes out with that write's, one publication instead of two.
     */
    private boolean store(Changed<Notification> created) {
        return created.aggregate().readyToSend() ? notifications.insertOnceBeforeNextWrite(created) : notifications.insertOnce(created);
    }

    /** The wait of early receipts, for a test to see it happen. */
    Retry earlyReceipts() {
        return earlyReceipts;
    }

    /**
     * The recipient's addresses are known: the notifications that waited for them go now.
     *
     * @param waitingIds as the write that stored the addresses found them listed
     */
    void contactKnown(String recipientId, List<String> waitingIds) {
        if (!waitingIds.isEmpty()) {
            reachBook.contactOf(recipientId).ifPresent(contact -> resume(recipientId, waitingIds, contact));
        }
    }

    /**
     * The citizen's request that gave the addresses has succeeded whatever happens here: a failure
     * leaves the notifications listed, for the next addresses learnt to resume.
     */
    @EventListener
    void addressesLearnt(AddressesLearnt learnt) {
        try {
            contactKnown(learnt.citizenId(), learnt.waitingIds());
        } catch (RuntimeException notResumedYet) {
            // Named by the notifications' ids, not the citizen's id number, which is personal data.
            log.warn("Notifications {} not resumed with their recipient's addresses: {}", learnt.waitingIds(),
                    notResumedYet.getClass().getSimpleName());
        }
    }

    private void resume(String recipientId, List<String> waitingIds, ReachBook.Contact contact) {
        List<String> settled = new ArrayList<>();
        for (String id : waitingIds) {
            Optional<Notification> found = repository.findById(id);
            settled.add(id);
            if (found.isEmpty() || found.get().status() != Notification.Status.AWAITING_CONTACT) {
                continue;
            }
            Notification waiting = found.get();
            Reach reach = reach(contact, waiting.template());
            try {
                // The version check makes this the claim: of two instances, one sends.
                notifications.update(waiting, waiting.contactLearned(reach, clock.instant()));
            } catch (OptimisticLockingFailureException takenByAnother) {
                continue;
            }
            dispatcher.soon(waiting);
        }
        awaiting.settled(recipientId, settled);
    }

    /**
     * Applies a provider's receipt; a failed message moves on to the next channel. The copy this
     * instance's sender kept is used when it is there and still as stored (ADR 0034), else the
     * notification is read. A receipt that overtook the sender's record of the acceptance waits for
     * it a little (the sender's write is usually a moment away) before the provider is asked to call
     * again: a second call costs the whole request again, and under load a good part of the receipts
     * came early (ADR 0019).
     *
     * @throws ReceiptBeforeAcceptance when the acceptance is still not recorded after the wait
     */
    void receipt(Receipt receipt) {
        int slash = receipt.reference().lastIndexOf('/');
        String id = slash < 0 ? receipt.reference() : receipt.reference().substring(0, slash);
        Function<Notification, List<? extends Event>> change = notification -> notification.receipt(receipt.channel(), receipt.messageId(),
                receipt.delivered(), receipt.reason(), receipt.at(), clock.instant());
        Optional<Notification> kept = awaitedReceipts.take(id, OVERTAKEN_SENDER);
        // The kept copy is the first read; a stale one fails its version and the store reads storage, as for any conflict.
        AtomicReference<Notification> unread = new AtomicReference<>(kept.orElse(null));
        Supplier<Notification> read = () -> Optional.ofNullable(unread.getAndSet(null))
                .orElseGet(() -> repository.findById(id).orElseThrow(() -> ApiProblem.notFound("Notification", id)));
        Notification changed = Retry.decorateSupplier(earlyReceipts, () -> notifications.updateRetrying(read, change)).get();
        (kept.isPresent() && changed == kept.get() ? receiptsOnKept : receiptsOnStored).increment();
        dispatcher.soon(changed);
    }
}
