package vn.motcua.dossier.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.CutOff;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierApprovalRequested;
import vn.motcua.events.dossier.DossierAtRisk;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDraftApproved;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierFinancialObligationMet;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierReassigned;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierSupplemented;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.FeeLine;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * A dossier (hồ sơ) and its lifecycle. Its state, its history and the events waiting to be
 * published are one document, written in one go and guarded by its version. Every transition
 * checks the current status against {@link Action}, appends a chained history entry and
 * returns the events it causes; it knows nothing of storage or of who may call it.
 */
@Document("dossiers")
public class Dossier extends Aggregate {
    /** The kind of the fee line of a financial obligation (nghĩa vụ tài chính), whose amount the specialist sets. */
    public static final String OBLIGATION_KIND = "NGHIA_VU_TAI_CHINH";
    @Id
    private String code;
    private String procedureCode;
    private String procedureName;
    private int catalogVersion;
    private int processingDays;
    /** The procedure's or agency's cut-off when the dossier was submitted; null: the platform's default. */
    private String cutOff;
    /** From the procedure's version: an online dossier is received only once its paper originals were seen. */
    private boolean paperOriginalRequired;
    /** From the procedure's version: reception waits until the intake fee is paid (when one is due). */
    private boolean intakeFeeFirst;
    /** The payment service reported the intake fee paid. */
    private boolean intakeFeePaid;
    /** The payment service reported the fees due at the result paid (ADR 0064). */
    private boolean resultFeePaid;
    private List<String> requiredDocuments = List.of();
    private String agencyCode;
    private String ownerCitizenId;
    private Applicant applicant;
    private Channel channel;
    private NationalStatus status;
    private ResultDelivery resultDelivery;
    private FeeStage feeTiming;
    private List<FeeLine> feesDue = List.of();
    /** Every fee line priced for this dossier: at submission, then the financial obligation's. */
    private List<PricedFeeLine> feeLines = List.of();
    private String submittedBy;
    /**
     * The Idempotency-Key claim it was created under: a retry that takes over the claim of an
     * attempt that died after storing it finds it by this, instead of storing a second dossier.
     */
    @Indexed(sparse = true)
    private String createdUnder;
    private Instant submittedAt;
    private Instant receivedAt;
    private String receivedBy;
    private List<String> documentsReceived = List.of();
    private LocalDate dueDate;
    private LocalDate originalDueDate;
    private Integer workingDaysLeftWhenPaused;
    /**
     * The due date the law's clock gives: set at reception and moved by pauses (supplement,
     * financial obligation) like the due date, but never by a new date of form 04. Statistics
     * judge lateness against it: a dossier resolved after it is late, apology or not.
     */
    private LocalDate dueDateByLaw;
    private Integer workingDaysLeftByLawWhenPaused;
    private DeadlineFlag deadlineFlag = DeadlineFlag.ON_TRACK;
    private String assignee;
    private String approvedBy;
    /** Why the leader sent the draft result back (ADR 0052), until a leader approves it again; null otherwise. */
    private String revisionReason;
    /** When the specialist submitted the draft for approval (ADR 0055), until a leader decides on it; null otherwise. */
    private Instant approvalRequestedAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private String returnedVia;
    /** The electronic copy of the result the dossier was marked ready with (ADR 0045), null when none was attached. */
    private String resultCopyId;
    /** The S10 item id a paper dossier collected by the post travelled under (channel 3), null otherwise. */
    private String postalItemId;
    /** The post office whose clerk submitted the dossier for the citizen (channel 3), null otherwise. */
    private String postOffice;
    private String closingReason;
    private SupplementRequest supplementRequest;
    private Long obligationAmount;
    private String obligationReason;
    private List<Delay> delays = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();

    private Dossier() {
    }

    /**
     * Registers a new dossier (national status 1) for its owner, under the catalog version of
     * its procedure at this moment.
     *
     * @param copies how many copies of the result are asked for, for fees charged per copy
     */
    public static Changed<Dossier> submit(String code, Procedure procedure, Agency agency, String ownerCitizenId,
            Applicant applicant, Channel channel, ResultDelivery resultDelivery, List<PricedFeeLine> feeLines,
            Actor submitter, Instant now) {
        return submit(code, procedure, agency, ownerCitizenId, applicant, channel, resultDelivery, feeLines, submitter, now, dossier -> {
        });
    }

    /**
     * @param howItCameIn records how the dossier came in (the envelope it arrived in, the post office it was submitted at)
     *     before its submission is announced, which says so
     */
    public static Changed<Dossier> submit(String code, Procedure procedure, Agency agency, String ownerCitizenId,
            Applicant applicant, Channel channel, ResultDelivery resultDelivery, List<PricedFeeLine> feeLines,
            Actor submitter, Instant now, Consumer<Dossier> howItCameIn) {
        Dossier dossier = new Dossier();
        dossier.code = code;
        dossier.procedureCode = procedure.code();
        dossier.procedureName = procedure.name();
        dossier.catalogVersion = procedure.version();
        dossier.processingDays = procedure.processingDays();
        dossier.requiredDocuments = procedure.requiredDocuments() == null ? List.of() : List.copyOf(procedure.requiredDocuments());
        dossier.agencyCode = agency.code();
        dossier.cutOff = CutOff.of(procedure, agency);
        dossier.paperOriginalRequired = procedure.paperOriginalRequired();
        dossier.intakeFeeFirst = procedure.awaitsIntakeFee()
                && feeLines.stream().anyMatch(line -> line.stage() == FeeStage.INTAKE && line.amount() > 0);
        dossier.ownerCitizenId = ownerCitizenId;
        dossier.applicant = applicant;
        dossier.channel = channel;
        dossier.resultDelivery = resultDelivery;
        dossier.feeTiming = procedure.feeTiming();
        dossier.feeLines = List.copyOf(feeLines);
        // What falls due at the procedure's fee timing, as DossierSubmitted has always carried it.
        dossier.feesDue = feeLines.stream().filter(line -> line.stage() == procedure.feeTiming())
                .map(line -> new FeeLine(line.kind(), line.amount())).toList();
        dossier.submittedBy = submitter.id();
        dossier.submittedAt = now;
        dossier.move(Action.REGISTER, NationalStatus.NEWLY_REGISTERED, submitter, null, now);
        howItCameIn.accept(dossier);
        DossierSubmitted submitted = new DossierSubmitted(dossier.snapshot(), procedure.name(), applicant,
                procedure.feeTiming(), dossier.feesDue, now, dossier.postalItemId);
        return feeLines.isEmpty() ? Changed.of(dossier, submitted)
                : Changed.of(dossier, submitted, new DossierFeesPriced(dossier.snapshot(), feeLines, now));
    }

    /** Reception by an officer who has not seen paper originals (enough unless the procedure needs them). */
    public List<Event> receive(Actor officer, List<String> documents, DeadlinePolicy deadlines, Instant now) {
        return receive(officer, documents, false, deadlines, now);
    }

    /**
     * @param paperOriginalsSeen the officer checked the paper originals (at the counter or arrived by post);
     *     an online dossier of a procedure that requires them is received only then
     */
    public List<Event> receive(Actor officer, List<String> documents, boolean paperOriginalsSeen,
            DeadlinePolicy deadlines, Instant now) {
        require(Action.RECEIVE);
        List<String> missing = requiredDocuments.stream().filter(required -> !documents.contains(required)).toList();
        if (!missing.isEmpty()) {
            throw new RequiredDocumentsMissing(code, missing);
        }
        if (paperOriginalRequired && channel == Channel.ONLINE && !paperOriginalsSeen) {
            throw new PaperOriginalsRequired(code);
        }
        if (intakeFeeFirst && !intakeFeePaid) {
            throw new IntakeFeeUnpaid(code);
        }
        receivedAt = now;
        receivedBy = officer.name();
        documentsReceived = List.copyOf(documents);
        dueDate = deadlines.dueDate(now, processingDays, cutOff);
        originalDueDate = dueDate;
        dueDateByLaw = dueDate;
        move(Action.RECEIVE, NationalStatus.RECEIVED, officer, null, now);
        return List.of(new DossierReceived(snapshot(), dueDate, officer.name(), now));
    }

    public List<Event> refuse(Actor officer, String reason, Instant now) {
        require(Action.REFUSE);
        closingReason = reason;
        closedAt = now;
        move(Action.REFUSE, NationalStatus.NOT_ACCEPTED, officer, reason, now);
        return List.of(new DossierRejected(snapshot(), reason, now));
    }

    /**
     * Assigns a received dossier to a specialist, whose processing starts, or passes one a specialist holds to another,
     * in processing (ADR 0057) or paused (ADR 0060): the status stays, the staff warnings follow the new specialist, and
     * a draft's submission or approval stays with the dossier.
     */
    public List<Event> assign(Actor assigner, String specialist, Instant now) {
        checkAllowed(Action.ASSIGN);
        boolean starts = status == NationalStatus.RECEIVED;
        String previous = assignee;
        assignee = specialist;
        // Passed on while paused, it stays paused: the clock waits for the applicant, whoever holds the dossier.
        move(Action.ASSIGN, starts ? NationalStatus.PROCESSING : status, assigner, "assigned to " + specialist, now);
        if (starts) {
            return List.of(new DossierProcessingStarted(snapshot(), specialist, dueDate, now));
        }
        return specialist.equals(previous) ? List.of()
                : List.of(new DossierReassigned(snapshot(), previous, specialist, assigner.name(), now));
    }

    public List<Event> requestSupplement(Actor specialist, String reason, List<String> documents,
            DeadlinePolicy deadlines, Instant now) {
        require(Action.REQUEST_SUPPLEMENT);
        supplementRequest = new SupplementRequest(reason, documents, specialist.name(), now, false);
        pause(deadlines, now);
        move(Action.REQUEST_SUPPLEMENT, NationalStatus.SUPPLEMENT_REQUESTED, specialist, reason, now);
        return List.of(new DossierSupplementRequested(snapshot(), reason, supplementRequest.documents(), now));
    }

    /**
     * Form 02 at reception (Decree 61/2018 art. 15): the dossier lacks documents, so it is not
     * received; the officer lists what to add, and no deadline runs until it is received.
     */
    public List<Event> requestIntakeSupplement(Actor officer, String reason, List<String> documents, Instant now) {
        require(Action.REQUEST_INTAKE_SUPPLEMENT);
        supplementRequest = new SupplementRequest(reason, documents, officer.name(), now, true);
        move(Action.REQUEST_INTAKE_SUPPLEMENT, NationalStatus.SUPPLEMENT_REQUESTED, officer, reason, now);
        return List.of(new DossierSupplementRequested(snapshot(), reason, supplementRequest.documents(), now));
    }

    /**
     * The applicant supplements: everything form 02 asked for must have arrived since it was
     * issued. A dossier asked at reception goes back to reception; one asked during processing
     * resumes with the working days it had left.
     *
     * @param arrivedSinceRequest kinds of document added since form 02 was issued
     */
    public List<Event> supplement(Actor applicant, String note, List<String> arrivedSinceRequest,
            DeadlinePolicy deadlines, Instant now) {
        require(Action.SUPPLEMENT);
        List<String> missing = supplementRequest.documents().stream()
                .filter(asked -> !arrivedSinceRequest.contains(asked)).toList();
        if (!missing.isEmpty()) {
            throw new SupplementIncomplete(code, missing);
        }
        if (receivedAt == null) {
            move(Action.SUPPLEMENT, NationalStatus.NEWLY_REGISTERED, applicant, note, now);
            return List.of(new DossierSupplemented(snapshot(), null, now));
        }
        resume(deadlines, now);
        move(Action.SUPPLEMENT, NationalStatus.PROCESSING, applicant, note, now);
        return List.of(new DossierSupplemented(snapshot(), dueDate, now));
    }

    public List<Event> requestFinancialObligation(Actor specialist, long amount, String reason,
            DeadlinePolicy deadlines, Instant now) {
        require(Action.REQUEST_FINANCIAL_OBLIGATION);
        obligationAmount = amount;
        obligationReason = reason;
        pause(deadlines, now);
        move(Action.REQUEST_FINANCIAL_OBLIGATION, NationalStatus.FINANCIAL_OBLIGATION_REQUESTED, specialist, reason, now);
        PricedFeeLine obligation = new PricedFeeLine(FeeStage.OBLIGATION, OBLIGATION_KIND, FeeBasis.SET_BY_OFFICER, 1,
                amount, amount, null, amount, false, catalogVersion);
        feeLines = Stream.concat(feeLines.stream(), Stream.of(obligation)).toList();
        return List.of(new DossierFinancialObligationRequested(snapshot(), amount, reason, now),
                new DossierFeesPriced(snapshot(), List.of(obligation), now));
    }

    /** The intake fee was paid: a dossier whose reception waits for it may now be received. No event of its own. */
    public List<Event> intakeFeePaid() {
        intakeFeePaid = true;
        return List.of();
    }

    public boolean awaitsIntakeFee() {
        return intakeFeeFirst && !intakeFeePaid;
    }

    /**
     * The fees due at the result were paid: an online result that waited for them reaches the applicant now, which is its
     * return (ADR 0071).
     */
    public List<Event> resultFeePaid(Instant now) {
        resultFeePaid = true;
        return releasedOnline(now);
    }

    /**
     * An online result is returned the moment its copy reaches the applicant's account (ADR 0071): when it is ready, or when
     * the fee that held it back is paid. Nobody has to record it by hand, and the national status says 10 from then on.
     */
    private List<Event> releasedOnline(Instant now) {
        if (status != NationalStatus.RESULT_READY || resultDelivery != ResultDelivery.ONLINE || resultCopyId == null || awaitsResultFee()) {
            return List.of();
        }
        return handOver(Actor.SYSTEM, ResultDelivery.ONLINE, "via ONLINE: released to the applicant's account", now);
    }

    /** Fees fall due at the result and the payment service has not reported them paid (ADR 0064). */
    public boolean awaitsResultFee() {
        return resultFeeUnpaid() > 0;
    }

    private long resultFeeUnpaid() {
        return resultFeePaid ? 0 : feeLines.stream().filter(line -> line.stage() == FeeStage.RESULT).mapToLong(PricedFeeLine::amount).sum();
    }

    /**
     * Whether the applicant reads the result's electronic copy: once handed over, whoever collected the fee; while only
     * ready, unless a fee due at the result is still unpaid (ADR 0045, 0064).
     */
    public boolean releasesResultCopy() {
        return status == NationalStatus.RESULT_RETURNED || status == NationalStatus.RESULT_READY && !awaitsResultFee();
    }

    /** The result is ready and this is its copy, which the applicant reads once the fee due at the result is paid. */
    public boolean holdsResultCopyForItsFee(String documentId) {
        return status == NationalStatus.RESULT_READY && awaitsResultFee() && documentId.equals(resultCopyId);
    }

    public List<Event> meetFinancialObligation(Actor payer, String paymentId, DeadlinePolicy deadlines, Instant now) {
        require(Action.MEET_FINANCIAL_OBLIGATION);
        resume(deadlines, now);
        move(Action.MEET_FINANCIAL_OBLIGATION, NationalStatus.PROCESSING, payer, "payment " + paymentId, now);
        return List.of(new DossierFinancialObligationMet(snapshot(), paymentId, dueDate, now));
    }

    /**
     * A leader approves the draft result, submitted or not (ADR 0055); its specialist is told (ADR 0056), as the result
     * may now be marked ready.
     */
    public List<Event> approve(Actor leader, String note, Instant now) {
        require(Action.APPROVE);
        if (assignee == null) {
            throw new IllegalTransition(code, Action.APPROVE, status, "no specialist has processed it yet");
        }
        approvedBy = leader.name();
        revisionReason = null;
        approvalRequestedAt = null;
        move(Action.APPROVE, NationalStatus.PROCESSING, leader, note, now);
        return List.of(new DossierDraftApproved(snapshot(), assignee, note, leader.name(), now));
    }

    /**
     * The leader sends the draft result back to its specialist with what to revise (ADR 0052). An approval given before
     * is withdrawn: the result is marked ready only once a leader approves the revised draft. The deadline runs on.
     */
    public List<Event> requestRevision(Actor leader, String reason, Instant now) {
        require(Action.REQUEST_REVISION);
        if (assignee == null) {
            throw new IllegalTransition(code, Action.REQUEST_REVISION, status, "no specialist has processed it yet");
        }
        approvedBy = null;
        revisionReason = reason;
        approvalRequestedAt = null;
        move(Action.REQUEST_REVISION, NationalStatus.PROCESSING, leader, reason, now);
        return List.of(new DossierRevisionRequested(snapshot(), assignee, reason, leader.name(), now));
    }

    /**
     * The specialist submits the draft result to the agency's leaders (ADR 0055), who are told; it waits for a leader to
     * approve it or send it back. A draft awaiting a decision is not submitted twice; one submitted after an approval is
     * a changed draft, and the approval given before is withdrawn, as a send-back withdraws it.
     */
    public List<Event> requestApproval(Actor specialist, String note, Instant now) {
        require(Action.REQUEST_APPROVAL);
        if (assignee == null) {
            throw new IllegalTransition(code, Action.REQUEST_APPROVAL, status, "no specialist has processed it yet");
        }
        if (approvalRequestedAt != null) {
            throw new IllegalTransition(code, Action.REQUEST_APPROVAL, status, "the draft was submitted for approval at "
                    + approvalRequestedAt + " and awaits a leader's decision");
        }
        approvedBy = null;
        approvalRequestedAt = now;
        move(Action.REQUEST_APPROVAL, NationalStatus.PROCESSING, specialist, note, now);
        return List.of(new DossierApprovalRequested(snapshot(), assignee, note, specialist.name(), now));
    }

    /** Links the postal item a paper dossier arrived under, before the dossier is first stored. */
    public void arrivedByPostAs(String itemId) {
        if (channel != Channel.POSTAL || version() != null) {
            throw new IllegalStateException("Only a new dossier received by post travels under a postal item id");
        }
        postalItemId = itemId;
    }

    /** Records the post office a clerk submitted the new dossier at, before it is first stored. */
    public void createdUnder(String claimId) {
        this.createdUnder = claimId;
    }

    public void submittedAtPostOffice(String office) {
        if (channel != Channel.POSTAL || version() != null) {
            throw new IllegalStateException("Only a new dossier submitted through the post is submitted at a post office");
        }
        postOffice = office;
    }

    public List<Event> markResultReady(Actor actor, Instant now) {
        return markResultReady(actor, null, now);
    }

    /** @param resultCopyId the id of the result's electronic copy, the one the applicant reads from now on; null for none */
    public List<Event> markResultReady(Actor actor, String resultCopyId, Instant now) {
        require(Action.MARK_RESULT_READY);
        if (approvedBy == null) {
            throw new IllegalTransition(code, Action.MARK_RESULT_READY, status, "a leader has not approved the result yet");
        }
        resolvedAt = now;
        this.resultCopyId = resultCopyId;
        move(Action.MARK_RESULT_READY, NationalStatus.RESULT_READY, actor, null, now);
        List<Event> events = new ArrayList<>();
        events.add(new DossierResultReady(snapshot(), approvedBy, dueDate, dueDateByLaw, now, resultFeeUnpaid()));
        events.addAll(releasedOnline(now));
        return events;
    }

    /**
     * Handing over at the counter or online; a result going by post is returned when its delivery is confirmed. An
     * online result is handed over online once its fees due at the result are paid, or at the counter, where the
     * applicant pays them (ADR 0064).
     */
    public List<Event> returnResult(Actor actor, ResultDelivery via, Instant now) {
        require(Action.RETURN_RESULT);
        if (resultDelivery == ResultDelivery.POST && via != ResultDelivery.POST) {
            throw new IllegalTransition(code, Action.RETURN_RESULT, status,
                    "the result goes by post and is returned when the postal operator confirms the delivery");
        }
        if (via == ResultDelivery.ONLINE && resultDelivery != ResultDelivery.ONLINE) {
            throw new IllegalTransition(code, Action.RETURN_RESULT, status,
                    "the applicant asked for the result " + (resultDelivery == ResultDelivery.POST ? "by post" : "at the counter"));
        }
        if (via == ResultDelivery.ONLINE && awaitsResultFee()) {
            throw new ResultFeeUnpaid(code);
        }
        return handOver(actor, via, "via " + via, now);
    }

    private List<Event> handOver(Actor actor, ResultDelivery via, String note, Instant now) {
        returnedVia = via.name();
        closedAt = now;
        move(Action.RETURN_RESULT, NationalStatus.RESULT_RETURNED, actor, note, now);
        return List.of(new DossierReturned(snapshot(), via.name(), now));
    }

    /**
     * The operator returned the result to the agency after its failed attempts: it is handed over
     * at the counter from now on (status stays 9) and the citizen is to be told to collect it.
     */
    public List<Event> resultBackFromPost(Actor actor, String shipmentId, String reason, Instant now) {
        require(Action.RESULT_BACK_FROM_POST);
        if (resultDelivery != ResultDelivery.POST) {
            return List.of();
        }
        resultDelivery = ResultDelivery.COUNTER;
        move(Action.RESULT_BACK_FROM_POST, status, actor, reason == null ? "returned by the postal operator" : reason, now);
        return List.of(new DossierResultAwaitingCollection(snapshot(), shipmentId, reason, now));
    }

    public List<Event> stop(Actor actor, String reason, Instant now) {
        require(Action.STOP);
        closingReason = reason;
        closedAt = now;
        move(Action.STOP, NationalStatus.STOPPED, actor, reason, now);
        return List.of(new DossierStopped(snapshot(), reason, now));
    }

    public List<Event> withdraw(Actor applicant, String reason, Instant now) {
        require(Action.WITHDRAW);
        closingReason = reason;
        closedAt = now;
        move(Action.WITHDRAW, NationalStatus.WITHDRAWN, applicant, reason, now);
        return List.of(new DossierWithdrawn(snapshot(), reason, now));
    }

    public List<Event> extendDueDate(Actor officer, LocalDate newDueDate, String reason, DeadlinePolicy deadlines,
            Instant now) {
        require(Action.EXTEND_DUE_DATE);
        if (delays.size() >= deadlines.reappointment().allowedPerDossier()) {
            throw new ReappointmentRefused(code, "reappointment-limit-reached", "A new date was already set "
                    + delays.size() + " time(s); the decree allows " + deadlines.reappointment().allowedPerDossier());
        }
        if (dueDate != null && deadlines.today(now).isAfter(deadlines.lastDayToReappoint(dueDate))) {
            throw new ReappointmentRefused(code, "reappointment-too-late", "The apology with a new date had to be sent by "
                    + deadlines.lastDayToReappoint(dueDate) + ", before the due date " + dueDate);
        }
        if (dueDate == null || !newDueDate.isAfter(dueDate)) {
            throw new InvalidDueDate(code, "The new date must be after the current due date " + dueDate);
        }
        if (!deadlines.calendar().isWorkingDay(newDueDate)) {
            throw new InvalidDueDate(code, newDueDate + " is not a working day");
        }
        LocalDate previous = dueDate;
        delays.add(new Delay(previous, newDueDate, reason, officer.name(), now));
        dueDate = newDueDate;
        if (workingDaysLeftWhenPaused != null) {
            workingDaysLeftWhenPaused = deadlines.calendar().workingDaysBetween(deadlines.today(now), newDueDate);
        }
        deadlineFlag = DeadlineFlag.ON_TRACK;
        move(Action.EXTEND_DUE_DATE, status, officer, reason + " (new due date " + newDueDate + ")", now);
        return List.of(new DossierDueDateExtended(snapshot(), previous, newDueDate, reason, now));
    }

    /**
     * A file taken back by whoever uploaded it: the applicant's side before the agency has looked at it (while the
     * dossier waits for reception, or, asked to supplement, a file added since the request); staff while the agency holds
     * the dossier, as long as a kind a decision counted keeps a file. The history says what was removed and by whom;
     * nothing else changes, and no event goes out (no other service holds the files).
     */
    public List<Event> removeDocument(Actor uploader, FileToTakeBack file, Instant now) {
        checkRemovable(file);
        move(Action.REMOVE_DOCUMENT, status, uploader, "removed " + file.described(), now);
        return List.of();
    }

    /** Refuses the removal of the file, as {@link #removeDocument} would, without changing anything. */
    public void checkRemovable(FileToTakeBack file) {
        require(Action.REMOVE_DOCUMENT);
        whyNotRemovable(file).ifPresent(why -> {
            throw new IllegalTransition(code, Action.REMOVE_DOCUMENT, status, why);
        });
    }

    /** Whether its uploader may take the file back now, as {@link #checkRemovable} decides. */
    public boolean allowsRemovalOf(FileToTakeBack file) {
        return Action.REMOVE_DOCUMENT.allowedFrom(status) && whyNotRemovable(file).isEmpty();
    }

    private Optional<String> whyNotRemovable(FileToTakeBack file) {
        if (status == NationalStatus.NEWLY_REGISTERED) {
            return Optional.empty();
        }
        if (file.byStaff()) {
            return !file.internal() && countedKinds().contains(file.kind()) && !file.anotherOfKindStays()
                    ? Optional.of("\"" + file.kind() + "\" was counted when the dossier was received or a supplement asked"
                            + " for; attach the right file of that kind first, then take this one back")
                    : Optional.empty();
        }
        if (status != NationalStatus.SUPPLEMENT_REQUESTED) {
            return Optional.of("the agency has received the dossier and looked at its files; only its staff take back"
                    + " files of their own now");
        }
        return file.uploadedAt().isBefore(supplementRequest.requestedAt())
                ? Optional.of("the file was there when the supplement was asked for (" + supplementRequest.requestedAt()
                        + "), so the agency has seen it; only files added since can be removed")
                : Optional.empty();
    }

    /** The kinds a decision counted: the documents received at reception, and those a supplement was asked for. */
    private Set<String> countedKinds() {
        Set<String> counted = new HashSet<>(documentsReceived);
        if (supplementRequest != null) {
            counted.addAll(supplementRequest.documents());
        }
        return counted;
    }

    /** The status the dossier had at {@code moment}, as its history has it: the one its last change before then left. */
    public NationalStatus statusAt(Instant moment) {
        NationalStatus then = NationalStatus.NEWLY_REGISTERED;
        for (HistoryEntry entry : history) {
            if (entry.at().isAfter(moment)) {
                break;
            }
            then = NationalStatus.ofCode(entry.to());
        }
        return then;
    }

    /** Whether the history has the removal of this file (a removal retried after its dossier was stored). */
    public boolean recordsRemovalOf(String documentId) {
        return history.stream().anyMatch(entry -> Action.REMOVE_DOCUMENT.name().equals(entry.action())
                && entry.reason() != null && entry.reason().endsWith("[" + documentId + "]"));
    }

    /**
     * One of the agency's internal files shown to the applicant (ADR 0051), while the agency holds the dossier and may
     * add files: the applicant reads it from the moment the history records it, and is told; it is one of the
     * dossier's papers from then on. Nothing else changes.
     */
    public List<Event> shareDocument(Actor staff, String documentId, String kind, String fileName, Instant now) {
        require(Action.SHARE_DOCUMENT);
        move(Action.SHARE_DOCUMENT, status, staff, "shared \"" + kind + "\" (" + fileName + ") [" + documentId
                + "] with the applicant", now);
        return List.of(new DossierDocumentShared(snapshot(), documentId, kind, fileName, now));
    }

    /**
     * Whether the history has the sharing of this file: from then on the applicant reads it, and a sharing retried after
     * the record was stored records nothing more.
     */
    public boolean recordsSharingOf(String documentId) {
        return history.stream().anyMatch(entry -> Action.SHARE_DOCUMENT.name().equals(entry.action())
                && entry.reason() != null && entry.reason().endsWith("[" + documentId + "] with the applicant"));
    }

    /**
     * Moves the open dossier to the successor of its dissolved agency (the 2025 reform): status,
     * due date and history stay; the move is one more history entry.
     */
    public List<Event> transferTo(Agency successor, Actor actor, Instant now) {
        require(Action.TRANSFER);
        String from = agencyCode;
        agencyCode = successor.code();
        move(Action.TRANSFER, status, actor, "from " + from + " to " + successor.code() + " (" + successor.name() + ")", now);
        return List.of(new DossierTransferred(snapshot(), from, now, successor.name()));
    }

    /** Raises the at-risk or overdue flag once per due date; nothing when the flag already says so. */
    public List<Event> watchDeadline(DeadlinePolicy deadlines, Instant now) {
        if (!NationalStatus.CLOCK_RUNNING.contains(status) || dueDate == null) {
            return List.of();
        }
        LocalDate today = deadlines.today(now);
        if (deadlines.isOverdue(dueDate, today) && deadlineFlag != DeadlineFlag.OVERDUE) {
            deadlineFlag = DeadlineFlag.OVERDUE;
            move(Action.FLAG_OVERDUE, status, Actor.SYSTEM, "due " + dueDate, now);
            return List.of(new DossierOverdue(snapshot(), dueDate, now));
        }
        if (deadlines.isAtRisk(dueDate, today) && deadlineFlag == DeadlineFlag.ON_TRACK) {
            deadlineFlag = DeadlineFlag.AT_RISK;
            int left = deadlines.calendar().workingDaysBetween(today, dueDate);
            move(Action.FLAG_AT_RISK, status, Actor.SYSTEM, left + " working day(s) left", now);
            return List.of(new DossierAtRisk(snapshot(), dueDate, left, now));
        }
        return List.of();
    }

    public DossierSnapshot snapshot() {
        return new DossierSnapshot(code, procedureCode, agencyCode, ownerCitizenId, channel.code(), resultDelivery,
                status.code());
    }

    /** Refuses an action the status does not allow, before a service does work the step would need (ADR 0058). */
    public void checkAllowed(Action action) {
        require(action);
        if (action == Action.ASSIGN && status != NationalStatus.RECEIVED && assignee == null) {
            // Status 5 before reception (form 02 at reception): not received, so no specialist may be given it yet.
            throw new IllegalTransition(code, action, status, "it awaits the applicant's papers before reception;"
                    + " a dossier is assigned once received");
        }
    }

    private void require(Action action) {
        if (!action.allowedFrom(status)) {
            throw new IllegalTransition(code, action, status);
        }
    }

    private void pause(DeadlinePolicy deadlines, Instant now) {
        workingDaysLeftWhenPaused = deadlines.workingDaysLeft(now, dueDate);
        workingDaysLeftByLawWhenPaused = dueDateByLaw == null ? null : deadlines.workingDaysLeft(now, dueDateByLaw);
    }

    private void resume(DeadlinePolicy deadlines, Instant now) {
        if (workingDaysLeftWhenPaused != null) {
            dueDate = deadlines.resumedDueDate(now, workingDaysLeftWhenPaused, cutOff);
            workingDaysLeftWhenPaused = null;
            if (workingDaysLeftByLawWhenPaused != null) {
                dueDateByLaw = deadlines.resumedDueDate(now, workingDaysLeftByLawWhenPaused, cutOff);
                workingDaysLeftByLawWhenPaused = null;
            }
            deadlineFlag = DeadlineFlag.ON_TRACK;
        }
    }

    private void move(Action action, NationalStatus to, Actor actor, String reason, Instant now) {
        HistoryEntry last = history.isEmpty() ? null : history.getLast();
        history.add(HistoryEntry.next(last, now, actor, action, status, to, reason));
        status = to;
    }

    public boolean isOwnedBy(String citizenId) {
        return ownerCitizenId != null && ownerCitizenId.equals(citizenId);
    }

    @Override
    public String id() { return code; }
    public String code() { return code; }
    public String procedureCode() { return procedureCode; }
    public String procedureName() { return procedureName; }
    public int catalogVersion() { return catalogVersion; }
    public int processingDays() { return processingDays; }
    public boolean paperOriginalRequired() { return paperOriginalRequired; }
    public String cutOff() { return cutOff; }
    public List<String> requiredDocuments() { return requiredDocuments; }
    public String agencyCode() { return agencyCode; }
    public String ownerCitizenId() { return ownerCitizenId; }
    public Applicant applicant() { return applicant; }
    public Channel channel() { return channel; }
    public NationalStatus status() { return status; }
    public ResultDelivery resultDelivery() { return resultDelivery; }
    public FeeStage feeTiming() { return feeTiming; }
    public List<FeeLine> feesDue() { return feesDue; }
    public List<PricedFeeLine> feeLines() { return feeLines; }
    public Instant submittedAt() { return submittedAt; }
    public String submittedBy() { return submittedBy; }
    public Instant receivedAt() { return receivedAt; }
    public String receivedBy() { return receivedBy; }
    public List<String> documentsReceived() { return documentsReceived; }
    public LocalDate dueDate() { return dueDate; }
    public LocalDate originalDueDate() { return originalDueDate; }
    /** The date lateness is judged against; dossiers stored before it was kept fall back to the due date. */
    public LocalDate dueDateByLaw() { return dueDateByLaw != null ? dueDateByLaw : dueDate; }
    public boolean isPaused() { return workingDaysLeftWhenPaused != null; }
    public DeadlineFlag deadlineFlag() { return deadlineFlag; }
    public String assignee() { return assignee; }
    public String approvedBy() { return approvedBy; }
    public String revisionReason() { return revisionReason; }
    public Instant approvalRequestedAt() { return approvalRequestedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public String returnedVia() { return returnedVia; }

    public String resultCopyId() { return resultCopyId; }
    public String postalItemId() { return postalItemId; }
    public String postOffice() { return postOffice; }
    public String closingReason() { return closingReason; }
    public SupplementRequest supplementRequest() { return supplementRequest; }
    public Long obligationAmount() { return obligationAmount; }
    public String obligationReason() { return obligationReason; }
    public List<Delay> delays() { return List.copyOf(delays); }
    public List<HistoryEntry> history() { return List.copyOf(history); }
}
