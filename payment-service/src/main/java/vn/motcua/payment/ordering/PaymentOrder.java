package vn.motcua.payment.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentFailed;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.events.payment.PaymentRefundAwaitingCollection;
import vn.motcua.events.payment.PaymentRefunded;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;

/**
 * What a citizen owes for one stage of a dossier, from the fee lines the dossier service priced,
 * and everything that happened to it: online attempts, payment to the postman, the receipt, a
 * refund. Its id comes from the dossier and the stage (an obligation: also when it was set), so
 * one fact never opens two orders however often its event arrives; every change is one
 * version-guarded write of this document.
 */
@Document("payment_orders")
@CompoundIndex(name = "due", def = "{'status': 1, 'payBy': 1}")
// A citizen's and an agency's orders, newest first a page at a time, and an agency's over a period: each read in
// the index's order. With one-field indexes every page sorted all of the citizen's or agency's orders first.
@CompoundIndex(name = "citizenNewestFirst", def = "{'ownerCitizenId': 1, 'requestedAt': -1}")
@CompoundIndex(name = "agencyNewestFirst", def = "{'agencyCode': 1, 'requestedAt': -1}")
// Every agency's orders over a period (ops' figures): without it, the whole collection was read.
@CompoundIndex(name = "requestedInPeriod", def = "{'requestedAt': 1}")
// An agency's cash book of a day (ADR 0065): what was paid in that day, of which the counter's.
@CompoundIndex(name = "agencyPaidInDay", def = "{'agencyCode': 1, 'completedAt': 1}")
@CompoundIndex(name = "unansweredAttempts", def = "{'attempts.state': 1, 'attempts.expiresAt': 1}")
// Fees collected twice whose online refund is still to be asked for (ADR 0067), and those given back in cash on a day.
@CompoundIndex(name = "collectedTwice", def = "{'collectedTwice.givenBackAs': 1, 'collectedTwice.givenBackAt': 1}")
public class PaymentOrder extends Aggregate {
    public static final String CURRENCY = "VND";

    @Id
    private final String id;
    @Indexed
    private final String dossierCode;
    private final String ownerCitizenId;
    private final String agencyCode;
    private final String procedureCode;
    private final FeeStage stage;
    private final List<PricedFeeLine> lines;
    private final long amount;
    private final boolean collectableByPost;
    private PaymentStatus status;
    private Instant requestedAt;
    private Instant payBy;
    private final List<Attempt> attempts;
    private PaymentMethod method;
    private Instant completedAt;
    private String paidReference;
    private long collectedAmount;
    private boolean paidAfterExpiry;
    private String receiptNumber;
    private Refund refund;
    private String remittanceId;
    private CollectedTwice collectedTwice;
    private Cancellation cancellation;
    private Instant cashOwedRemindedAt;
    private Instant dueSoonRemindedAt;
    private Instant leftToCounterAt;

    /**
     * @param reference the provider's refund transaction, or the agency's note for cash; null while pending
     * @param createdUnder the Idempotency-Key claim a leader's request started it under (null: started by a closure)
     * @param cash true when it goes back in cash at the agency's counter rather than through the provider
     * @param paidOut when the counter handed that cash to the citizen (ADR 0070); null before
     */
    public record Refund(long amount, String reason, String requestId, String reference, Instant requestedAt, Instant refundedAt,
            String createdUnder, Boolean cash, CashPaidOut paidOut) {
        public boolean done() {
            return refundedAt != null;
        }

        public boolean inCash() {
            return Boolean.TRUE.equals(cash);
        }

        /** Noted to go back in cash at the counter, and not handed over yet. */
        public boolean owedInCash() {
            return done() && inCash() && paidOut == null;
        }

        Refund given(String by, Instant at, boolean inCash) {
            return new Refund(amount, reason, requestId, by, requestedAt, at, createdUnder, inCash, null);
        }

        Refund paidOut(CashPaidOut by) {
            return new Refund(amount, reason, requestId, reference, requestedAt, refundedAt, createdUnder, cash, by);
        }
    }

    @PersistenceCreator
    PaymentOrder(String id, String dossierCode, String ownerCitizenId, String agencyCode, String procedureCode, FeeStage stage,
            List<PricedFeeLine> lines, long amount, Boolean collectableByPost, PaymentStatus status, Instant requestedAt,
            Instant payBy, List<Attempt> attempts, PaymentMethod method, Instant completedAt, String paidReference,
            Long collectedAmount, Boolean paidAfterExpiry, String receiptNumber, Refund refund, String remittanceId,
            CollectedTwice collectedTwice, Cancellation cancellation, Instant cashOwedRemindedAt, Instant dueSoonRemindedAt,
            Instant leftToCounterAt) {
        this.id = id;
        this.dossierCode = dossierCode;
        this.ownerCitizenId = ownerCitizenId;
        this.agencyCode = agencyCode;
        this.procedureCode = procedureCode;
        this.stage = stage;
        // Orders opened before fee lines were kept (intake fees from the submission) have none.
        this.lines = lines == null ? List.of() : List.copyOf(lines);
        this.amount = amount;
        this.collectableByPost = Boolean.TRUE.equals(collectableByPost);
        this.status = status;
        this.requestedAt = requestedAt;
        this.payBy = payBy;
        this.attempts = attempts == null ? new ArrayList<>() : new ArrayList<>(attempts);
        this.method = method;
        this.completedAt = completedAt;
        this.paidReference = paidReference;
        this.collectedAmount = collectedAmount == null ? 0 : collectedAmount;
        this.paidAfterExpiry = Boolean.TRUE.equals(paidAfterExpiry);
        this.receiptNumber = receiptNumber;
        this.refund = refund;
        this.remittanceId = remittanceId;
        this.collectedTwice = collectedTwice;
        this.cancellation = cancellation;
        this.cashOwedRemindedAt = cashOwedRemindedAt;
        this.dueSoonRemindedAt = dueSoonRemindedAt;
        this.leftToCounterAt = leftToCounterAt;
    }

    public static String idFor(String dossierCode, FeeStage stage) {
        return "PAY-" + dossierCode + "-" + stage;
    }

    /** An obligation is set by a specialist, possibly more than once in a dossier's life: each is its own order. */
    public static String obligationIdFor(String dossierCode, Instant pricedAt) {
        return idFor(dossierCode, FeeStage.OBLIGATION) + "-" + pricedAt.getEpochSecond();
    }

    /**
     * An order for priced lines of one stage: due at once (intake, obligation) or planned until the
     * dossier reaches the stage (supplement, result).
     *
     * @param payBy when a due order expires; ignored for a planned one
     */
    static Changed<PaymentOrder> open(String id, DossierSnapshot dossier, FeeStage stage, List<PricedFeeLine> lines, boolean due,
            Instant now, Instant payBy) {
        long amount = lines.stream().mapToLong(PricedFeeLine::amount).sum();
        boolean collectable = stage == FeeStage.RESULT && dossier.resultDelivery() == ResultDelivery.POST;
        PaymentOrder order = new PaymentOrder(id, dossier.dossierCode(), dossier.ownerCitizenId(), dossier.agencyCode(),
                dossier.procedureCode(), stage, lines, amount, collectable, PaymentStatus.PLANNED, null, null, null, null, null, null,
                0L, false, null, null, null, null, null, null, null, null);
        return due ? Changed.of(order, order.fallDue(now, payBy).toArray(Event[]::new)) : Changed.of(order);
    }

    /** The dossier reached the order's stage: it may be paid from now until {@code payBy}. */
    public List<Event> fallDue(Instant now, Instant due) {
        if (status != PaymentStatus.PLANNED) {
            return AggregateStore.UNCHANGED;
        }
        status = PaymentStatus.REQUESTED;
        requestedAt = now;
        payBy = due;
        return List.of(new PaymentRequested(id, dossierCode, ownerCitizenId, stage, amount, CURRENCY, now, due));
    }

    /**
     * Whether a payment may be taken, online or at the counter: due and not yet paid, refunded or cancelled. Past its pay-by
     * time too: the fee is owed all the same (ADR 0073), as a late confirmation always completed it (ADR 0018).
     */
    public Optional<String> whyNotPayable() {
        return switch (status) {
            case PLANNED -> Optional.of("This fee is not due yet: it falls due when the dossier reaches its stage");
            case COMPLETED -> Optional.of("This order has been paid");
            case REFUNDED -> Optional.of("This order was paid and refunded");
            case CANCELLED -> Optional.of("This order was cancelled because its dossier closed (" + cancellation.reason()
                    + "): nothing is owed on it");
            case REQUESTED, EXPIRED -> Optional.empty();
        };
    }

    /**
     * The attempts still open at the provider: begun, not answered, and not past their own expiry.
     * The provider's page of each may still take the citizen's money.
     */
    public List<Attempt> openAttempts(Instant now) {
        return attempts.stream().filter(attempt -> attempt.unanswered() && attempt.expiresAt().isAfter(now))
                .toList();
    }

    /**
     * Its page gets its whole time even across the pay-by time: cut short there, a page begun a minute before closed in a
     * minute, and since ADR 0073 a payment after it is taken anyway.
     *
     * @return the attempt, for the provider's payment URL
     */
    public Attempt begin(String reference, Instant now, Instant attemptExpiresAt) {
        Attempt attempt = Attempt.begun(reference, amount, now, attemptExpiresAt);
        attempts.add(attempt);
        return attempt;
    }

    /**
     * Applies what the provider says of one attempt, by the written rule (ADR 0018): a known
     * attempt with the right amount only; the first outcome of an attempt stands, except that
     * money taken is never ignored (a success after a recorded failure is applied); a success on
     * an order already paid, or cancelled with its dossier (ADR 0072), is recorded as surplus, to be refunded; a success
     * after expiry completes it.
     * A lapsed attempt takes the provider's late answer as a pending one would (ADR 0049).
     */
    public Outcome settle(ProviderResult result, Instant now) {
        int index = indexOf(result.reference());
        if (index < 0) {
            return new Outcome(Settlement.ORDER_NOT_FOUND, AggregateStore.UNCHANGED);
        }
        Attempt attempt = attempts.get(index);
        if (attempt.amount() != result.amount()) {
            return new Outcome(Settlement.WRONG_AMOUNT, AggregateStore.UNCHANGED);
        }
        boolean awaited = attempt.state() == Attempt.State.PENDING || attempt.state() == Attempt.State.LAPSED;
        boolean laterSuccess = attempt.state() == Attempt.State.FAILED && result.succeeded();
        if (!awaited && !laterSuccess) {
            return new Outcome(Settlement.ALREADY_CONFIRMED, AggregateStore.UNCHANGED);
        }
        if (!result.succeeded()) {
            attempts.set(index, attempt.failed(result.code()));
            return new Outcome(Settlement.CONFIRMED, List.of(new PaymentFailed(id, dossierCode, ownerCitizenId, stage, amount,
                    attempt.reference(), result.code(), now)));
        }
        boolean open = status == PaymentStatus.REQUESTED || status == PaymentStatus.EXPIRED;
        attempts.set(index, attempt.succeeded(result.code(), result.transactionNo(), result.paidAt(), !open));
        if (!open) {
            return new Outcome(Settlement.CONFIRMED, List.of());
        }
        return new Outcome(Settlement.CONFIRMED, complete(PaymentMethod.ONLINE, result.transactionNo(), amount, now));
    }

    /**
     * The attempts' pages expired without an answer, and the provider, asked, knows neither a payment
     * nor a refusal of them: nothing is left to ask it about (ADR 0049). Each one still unanswered
     * and past its expiry lapses; {@link AggregateStore#UNCHANGED} when none does.
     */
    public List<Event> lapse(Collection<String> references, Instant now) {
        boolean changed = false;
        for (String reference : references) {
            int index = indexOf(reference);
            if (index >= 0 && attempts.get(index).unanswered() && !attempts.get(index).expiresAt().isAfter(now)) {
                attempts.set(index, attempts.get(index).lapsed());
                changed = true;
            }
        }
        return changed ? List.of() : AggregateStore.UNCHANGED;
    }

    /** @param events what the change causes; {@link AggregateStore#UNCHANGED} when nothing changed */
    public record Outcome(Settlement settlement, List<Event> events) {
    }

    /** The postman collected the fees with a shipment (cash on delivery), with his receipt's number. */
    public List<Event> collectedByPostman(long collected, String receipt, Instant now) {
        if (!collectableByPost || (status != PaymentStatus.REQUESTED && status != PaymentStatus.EXPIRED)) {
            return AggregateStore.UNCHANGED;
        }
        return complete(PaymentMethod.CASH_ON_DELIVERY, receipt, collected, now);
    }

    /**
     * The applicant paid the order in cash at the agency's one-stop counter, to the officer named (ADR 0065). Whenever it
     * is due, past its pay-by time too: the applicant is there with the money. An online page still open may yet take a
     * payment, which is then a surplus given back as any second payment is.
     *
     * @throws ApiProblem 409 when the order is not due yet, paid, refunded or cancelled; 422 when the amount differs
     */
    public List<Event> paidAtCounter(long received, String officer, Instant now) {
        whyNotPayable().ifPresent(why -> {
            throw ApiProblem.conflict("order-not-payable", why).with("currentStatus", status.name());
        });
        if (received != amount) {
            throw ApiProblem.unprocessable("amount-differs", "This order is " + amount + " đồng; the cash received was "
                    + received + " đồng. An order is paid whole").with("amount", amount);
        }
        return complete(PaymentMethod.CASH_AT_COUNTER, officer, received, now);
    }

    private List<Event> complete(PaymentMethod how, String reference, long collected, Instant now) {
        paidAfterExpiry = status == PaymentStatus.EXPIRED;
        status = PaymentStatus.COMPLETED;
        method = how;
        paidReference = reference;
        collectedAmount = collected;
        completedAt = now;
        return List.of(new PaymentCompleted(id, dossierCode, stage, amount, how, now, ownerCitizenId));
    }

    /**
     * A fee asked of the citizen and unpaid, whose pay-by time is {@code remindBefore} away or nearer: they are reminded, once,
     * before it falls overdue (ADR 0076). Unchanged when it is not due, has time left, is past its pay-by time (the expiry tells
     * that), was reminded before, has a page open at the provider (the citizen is paying), was asked for within that window
     * (the request itself said the date), or is collected by the postman with the result (the post tells what to have ready).
     */
    public List<Event> remindDueSoon(Duration remindBefore, Instant now) {
        Instant remindFrom = status == PaymentStatus.REQUESTED && !withThePostman() ? payBy.minus(remindBefore) : null;
        if (remindFrom == null || dueSoonRemindedAt != null || now.isBefore(remindFrom) || !now.isBefore(payBy)
                || !requestedAt.isBefore(remindFrom) || !openAttempts(now).isEmpty()) {
            return AggregateStore.UNCHANGED;
        }
        dueSoonRemindedAt = now;
        return List.of(new PaymentDueSoon(id, dossierCode, ownerCitizenId, agencyCode, stage, amount, payBy, now));
    }

    /** When the citizen was reminded that the fee was soon due; null when they were not (ADR 0076). */
    public Instant dueSoonRemindedAt() {
        return dueSoonRemindedAt;
    }

    /**
     * Not paid by its pay-by time. Attempts still open may yet be confirmed by the provider. A fee the postman collects with
     * the result does not fall overdue while the result is with the post: the citizen pays when it reaches their door, however
     * long the post takes (ADR 0078).
     */
    public List<Event> expire(Instant now) {
        if (status != PaymentStatus.REQUESTED || now.isBefore(payBy) || withThePostman()) {
            return AggregateStore.UNCHANGED;
        }
        status = PaymentStatus.EXPIRED;
        return List.of(new PaymentExpired(id, dossierCode, ownerCitizenId, stage, amount, payBy, now));
    }

    /**
     * The result reached the citizen, or came back to the agency, without the postman collecting this fee (ADR 0078): it came
     * back undelivered, or an officer handed it over. The fee is paid online or at the counter from now on. The citizen has at
     * least {@code payWithin} from now to pay it, as from any request: the pay-by time they were told had passed, or nearly,
     * while the fee waited for the postman. Unchanged when it was never the postman's, was left to the counter before, or is
     * no longer owed.
     */
    public List<Event> leftToCounter(Duration payWithin, Instant now) {
        if (!collectableByPost || leftToCounterAt != null || !unpaid()) {
            return AggregateStore.UNCHANGED;
        }
        leftToCounterAt = now;
        if (status == PaymentStatus.REQUESTED && payBy.isBefore(now.plus(payWithin))) {
            payBy = now.plus(payWithin);
        }
        return List.of();
    }

    /** The postman collects it when he brings the result, which is still with the post. */
    private boolean withThePostman() {
        return collectableByPost && leftToCounterAt == null;
    }

    /** When the fee stopped being the postman's to collect (the result came back undelivered, or was handed over); null before. */
    public Instant leftToCounterAt() {
        return leftToCounterAt;
    }

    /**
     * The dossier was refused, withdrawn or stopped before this order was paid (ADR 0072): nothing is owed on it any more, and
     * no payment may start. A page still open at the provider may yet take the citizen's money: that payment is a surplus,
     * given back as a second payment is. Paid or cancelled before: unchanged.
     *
     * @param reason why the dossier closed, as the citizen was told
     */
    public List<Event> cancel(String reason, Instant now) {
        if (!unpaid()) {
            return AggregateStore.UNCHANGED;
        }
        boolean wasDue = status != PaymentStatus.PLANNED;
        status = PaymentStatus.CANCELLED;
        cancellation = new Cancellation(reason, now);
        return List.of(new PaymentCancelled(id, dossierCode, ownerCitizenId, stage, amount, wasDue, reason, now));
    }

    /** Not paid (nor refunded, nor cancelled): planned, due or expired, so still to be paid or to be cancelled. */
    public boolean unpaid() {
        return status == PaymentStatus.PLANNED || status == PaymentStatus.REQUESTED || status == PaymentStatus.EXPIRED;
    }

    /** What goes back when the dossier is refused, withdrawn or stopped: the refundable lines' part of what was paid. */
    public long refundableAmount() {
        return lines.stream().filter(PricedFeeLine::refundable).mapToLong(PricedFeeLine::amount).sum();
    }

    /**
     * Starts a refund once: later calls find it started and change nothing.
     *
     * @param refundAmount at most what was paid
     * @param createdUnder the Idempotency-Key claim of the request that starts it, if any
     */
    public List<Event> startRefund(long refundAmount, String reason, String requestId, String createdUnder, Instant now) {
        if (status != PaymentStatus.COMPLETED || refund != null || refundAmount <= 0 || refundAmount > amount) {
            return AggregateStore.UNCHANGED;
        }
        refund = new Refund(refundAmount, reason, requestId, null, now, null, createdUnder, null, null);
        return List.of();
    }

    /** The provider refunded the payment, under its transaction's reference. */
    public List<Event> refunded(String reference, Instant now) {
        return refunded(reference, false, now);
    }

    /** What pays the order is cash ({@link #standsPaidInCash()}): the refund is noted for the counter to pay out. */
    public List<Event> refundedInCash(Instant now) {
        return refunded("TIEN-MAT-" + cashReference(), true, now);
    }

    private List<Event> refunded(String reference, boolean inCash, Instant now) {
        if (refund == null || refund.done()) {
            return AggregateStore.UNCHANGED;
        }
        refund = refund.given(reference, now, inCash);
        status = PaymentStatus.REFUNDED;
        return List.of(new PaymentRefunded(id, dossierCode, ownerCitizenId, stage, refund.amount(), method, reference,
                refund.reason(), now));
    }

    /** The provider refused the refund (it will never succeed as asked): the order is as before, paid. */
    public List<Event> refundRefused() {
        if (refund == null || refund.done()) {
            return AggregateStore.UNCHANGED;
        }
        refund = null;
        return List.of();
    }

    /**
     * The postman collected fees for this order although it was paid online or at the counter (ADR 0067): recorded once,
     * with how they go back. An online payment not refunded before is refunded through the provider, up to what it paid, and
     * the postman's cash stands as the payment; otherwise the postman's cash goes back in cash at the counter.
     *
     * @param collected all the postman took; {@code fees} the part beyond the postage
     */
    public List<Event> collectedTwice(long collected, long fees, String receipt, String shipmentId, Instant collectedAt,
            String requestId) {
        if (!paidOtherwiseThanByPostman() || collectedTwice != null || fees <= 0) {
            return AggregateStore.UNCHANGED;
        }
        Optional<Attempt> online = status == PaymentStatus.COMPLETED && refund == null ? paidAttempt() : Optional.empty();
        collectedTwice = online.map(paid -> CollectedTwice.refundedOnline(collected, fees, receipt, shipmentId, collectedAt,
                        Math.min(fees, paid.amount()), requestId))
                .orElseGet(() -> CollectedTwice.givenBackInCash(collected, fees, receipt, shipmentId, collectedAt));
        return List.of();
    }

    /** The provider refused to refund the online payment as asked: the postman's cash goes back at the counter instead. */
    public List<Event> collectedTwiceGivenBackInCash() {
        if (collectedTwice == null || collectedTwice.done() || !collectedTwice.throughProvider()) {
            return AggregateStore.UNCHANGED;
        }
        collectedTwice = collectedTwice.inCashInstead();
        return List.of();
    }

    /** What the postman collected twice went back (online), or is noted to go back in cash; the citizen is told once. */
    public List<Event> collectedTwiceGivenBack(String reference, Instant now) {
        if (collectedTwice == null || collectedTwice.done()) {
            return AggregateStore.UNCHANGED;
        }
        collectedTwice = collectedTwice.givenBack(reference, now);
        return List.of(new PaymentRefunded(id, dossierCode, ownerCitizenId, stage, collectedTwice.amount(), collectedTwice.givenBackAs(),
                reference, collectedTwice.reason(), now));
    }

    /** Cash noted to go back to the citizen at the counter and not handed over yet: a refund's, the postman's, or both. */
    public long cashOwed() {
        return cashBack().stream().filter(CashBack::owed).mapToLong(CashBack::amount).sum();
    }

    /** The cash this order sends back to the citizen at the counter, owed or handed over: its refund's, the postman's, or both. */
    public List<CashBack> cashBack() {
        List<CashBack> back = new ArrayList<>(2);
        if (refund != null && refund.done() && refund.inCash()) {
            back.add(new CashBack(refund.amount(), method.inCash() ? method : PaymentMethod.CASH_ON_DELIVERY, refund.reason(),
                    refund.refundedAt(), refund.paidOut()));
        }
        if (collectedTwice != null && collectedTwice.done() && !collectedTwice.throughProvider()) {
            back.add(new CashBack(collectedTwice.amount(), PaymentMethod.CASH_ON_DELIVERY, collectedTwice.reason(),
                    collectedTwice.givenBackAt(), collectedTwice.paidOut()));
        }
        return back;
    }

    /**
     * The counter's officer handed the citizen all the cash the order owes (ADR 0070), counted out of the drawer now.
     *
     * @throws ApiProblem 409 when the order owes no cash (none noted, or paid out before); 422 when the amount differs
     */
    public List<Event> cashPaidOut(long counted, String officer, Instant now) {
        long owed = cashOwed();
        if (owed == 0) {
            throw ApiProblem.conflict("no-cash-owed", "This order owes the citizen no cash at the counter: none was noted to go back, or it"
                    + " was paid out before").with("currentStatus", status.name());
        }
        if (counted != owed) {
            throw ApiProblem.unprocessable("amount-differs", "The counter owes " + owed + " đồng on this order; the cash counted out was "
                    + counted + " đồng. It is paid out whole").with("amount", owed);
        }
        CashPaidOut paidOut = new CashPaidOut(officer, now);
        if (refund != null && refund.owedInCash()) {
            refund = refund.paidOut(paidOut);
        }
        if (collectedTwice != null && collectedTwice.owedInCash()) {
            collectedTwice = collectedTwice.paidOut(paidOut);
        }
        return List.of();
    }

    /**
     * The citizen has not come for the cash the counter owes them, noted to go back before {@code notedBy}: they are reminded,
     * once (ADR 0074). Nothing owed, owed since later, or reminded before: unchanged.
     */
    public List<Event> remindCashOwed(Instant notedBy, Instant now) {
        Optional<Instant> owedSince = cashBack().stream().filter(CashBack::owed).map(CashBack::notedAt).min(Comparator.naturalOrder());
        if (cashOwedRemindedAt != null || owedSince.isEmpty() || owedSince.get().isAfter(notedBy)) {
            return AggregateStore.UNCHANGED;
        }
        cashOwedRemindedAt = now;
        return List.of(new PaymentRefundAwaitingCollection(id, dossierCode, ownerCitizenId, agencyCode, cashOwed(), owedSince.get(), now));
    }

    /** When the citizen was reminded of cash owed at the counter; null when they were not (ADR 0074). */
    public Instant cashOwedRemindedAt() {
        return cashOwedRemindedAt;
    }

    /** The last cash the counter handed over for this order, if any. */
    public Optional<CashPaidOut> lastCashPaidOut() {
        return cashBack().stream().map(CashBack::paidOut).filter(Objects::nonNull).max(Comparator.comparing(CashPaidOut::at));
    }

    /**
     * Whether what pays the order now is cash, so a refund of it goes back in cash: paid in cash, or paid online and that
     * payment given back because the postman collected the fees too.
     */
    public boolean standsPaidInCash() {
        return method != null && (method.inCash() || collectedTwice != null && collectedTwice.throughProvider());
    }

    /**
     * What the postman collected for this order, as his remittance should carry it: the collection that paid it, or the
     * one made after it was paid otherwise (ADR 0067); null when he collected none of its fees.
     */
    public Long postmansCollection() {
        if (collectedTwice != null) {
            return collectedTwice.collected();
        }
        return method == PaymentMethod.CASH_ON_DELIVERY ? collectedAmount : null;
    }

    /** Who took the cash that pays the order now: the counter's officer, or the postman's receipt. */
    public String cashReference() {
        return collectedTwice != null && collectedTwice.throughProvider() ? collectedTwice.receipt() : paidReference;
    }

    /**
     * The provider gave back a payment made twice, or made after the order was cancelled; the order itself stays as it was
     * (paid by its first payment, or cancelled). The citizen is told, as of any refund: money left their card a second time.
     */
    public List<Event> surplusRefunded(String reference, String refund, Instant now) {
        int index = indexOf(reference);
        if (index < 0 || !attempts.get(index).owesSurplusRefund()) {
            return AggregateStore.UNCHANGED;
        }
        Attempt surplus = attempts.get(index);
        attempts.set(index, surplus.surplusRefunded(refund));
        String reason = status == PaymentStatus.CANCELLED
                ? "Khoản nộp đã được hủy trước khi giao dịch hoàn tất (" + cancellation.reason() + ")"
                : "Khoản nộp đã được thanh toán trước đó; giao dịch này là thanh toán trùng";
        return List.of(new PaymentRefunded(id, dossierCode, ownerCitizenId, stage, surplus.amount(), PaymentMethod.ONLINE, refund, reason,
                now));
    }

    public List<Event> receiptIssued(String number) {
        if (receiptNumber != null) {
            return AggregateStore.UNCHANGED;
        }
        receiptNumber = number;
        return List.of();
    }

    public List<Event> remitted(String remittance) {
        if (remittanceId != null) {
            return AggregateStore.UNCHANGED;
        }
        remittanceId = remittance;
        return List.of();
    }

    public Optional<Attempt> attempt(String reference) {
        int index = indexOf(reference);
        return index < 0 ? Optional.empty() : Optional.of(attempts.get(index));
    }

    /** The attempt that paid the order online, if it was. */
    public Optional<Attempt> paidAttempt() {
        return attempts.stream().filter(a -> a.state() == Attempt.State.SUCCEEDED && !a.isSurplus()).findFirst();
    }

    private int indexOf(String reference) {
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).reference().equals(reference)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String ownerCitizenId() {
        return ownerCitizenId;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public FeeStage stage() {
        return stage;
    }

    public List<PricedFeeLine> lines() {
        return lines;
    }

    public long amount() {
        return amount;
    }

    /** Paid, and not by the postman: online or in cash at the counter, so a collection at the door would be twice. */
    public boolean paidOtherwiseThanByPostman() {
        return (status == PaymentStatus.COMPLETED || status == PaymentStatus.REFUNDED) && method != PaymentMethod.CASH_ON_DELIVERY;
    }

    public boolean collectableByPost() {
        return collectableByPost;
    }

    public PaymentStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant payBy() {
        return payBy;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public PaymentMethod method() {
        return method;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String paidReference() {
        return paidReference;
    }

    public long collectedAmount() {
        return collectedAmount;
    }

    public boolean paidAfterExpiry() {
        return paidAfterExpiry;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    public Refund refund() {
        return refund;
    }

    public String remittanceId() {
        return remittanceId;
    }

    /** Fees the postman collected for this order after it was paid otherwise; null when he did not. */
    public CollectedTwice collectedTwice() {
        return collectedTwice;
    }

    /** Why and when the order stopped being owed; null unless {@link PaymentStatus#CANCELLED}. */
    public Cancellation cancellation() {
        return cancellation;
    }
}
