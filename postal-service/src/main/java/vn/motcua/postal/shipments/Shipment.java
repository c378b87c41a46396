package vn.motcua.postal.shipments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import vn.motcua.events.Event;
import vn.motcua.events.postal.CashCollected;
import vn.motcua.events.postal.OriginalsAwaitingCollection;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.events.postal.OriginalsKeptOnFile;
import vn.motcua.events.postal.OriginalsReturnPlanned;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.events.postal.PaperDossierAwaitingCollection;
import vn.motcua.events.postal.PaperDossierReturnPlanned;
import vn.motcua.events.postal.ReturnAddressConfirmationRequested;
import vn.motcua.events.postal.ShipmentAddressConfirmed;
import vn.motcua.events.postal.ShipmentCancelled;
import vn.motcua.events.postal.ShipmentCashOnDeliveryChanged;
import vn.motcua.events.postal.ShipmentCollectionAbandoned;
import vn.motcua.events.postal.ShipmentCollectionAttemptFailed;
import vn.motcua.events.postal.ShipmentCollectionScheduled;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentDeliveryAttemptFailed;
import vn.motcua.events.postal.ShipmentDispatched;
import vn.motcua.events.postal.ShipmentOutForDelivery;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.events.postal.ShipmentRequested;
import vn.motcua.events.postal.ShipmentReturnedToSender;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.tariffs.PostalService;
import vn.motcua.postal.tariffs.TariffRules;

/**
 * A postal shipment for a dossier. A result delivery is planned when the applicant asks for the
 * result by post (the citizen is asked to confirm the address), and handed to the operator, with
 * its S10 item id and its price frozen, once the result is ready and the address's province known. The
 * operator's reports may arrive late, twice or out of order: each is applied once (by its id), and
 * a status is never replaced by an earlier one, so any order of the same reports ends in the same
 * state. The last failed delivery attempt the operator's rule allows returns the item to the sender (ADR 0086).
 */
@Document("shipments")
// The three lists (a citizen's, an operator's, an agency's), newest first, read a page at a time;
// a status asked for is checked on the documents the index leads to.
@CompoundIndex(name = "citizenNewestFirst", def = "{'ownerCitizenId': 1, 'createdAt': -1}")
@CompoundIndex(name = "operatorNewestFirst", def = "{'operator': 1, 'createdAt': -1}")
@CompoundIndex(name = "agencyNewestFirst", def = "{'origin.agencyCode': 1, 'createdAt': -1}")
// Every agency's shipments over a period (ops' figures): without it, the whole collection was read.
@CompoundIndex(name = "createdInPeriod", def = "{'createdAt': 1}")
public class Shipment extends Aggregate {
    /** Why originals go back once the agency has checked them, as the citizen is told. */
    static final String CHECKED = "Cơ quan giải quyết đã đối chiếu xong bản chính";

    private static final String BY_HAND = "by-hand-";

    @Id
    private final String id;
    /** The dossier it travels for; a paper dossier's pick-up learns it when the officer registers the envelope (ADR 0081). */
    @Indexed
    private String dossierCode;
    private final String ownerCitizenId;
    private final String operator;
    private final Origin origin;
    private final Kind kind;
    private Status status;
    private String recipientName;
    private String recipientPhone;
    private String address;
    private String addressProvince;
    private Instant addressConfirmedAt;
    private final Instant createdAt;
    private boolean resultReady;
    private long feesOnDelivery;
    private TariffRules.Quote price;
    // The fees were taken off the item after it was handed over (paid otherwise, ADR 0066): the frozen price's
    // cash-on-delivery fee, charged for collecting them, is no longer the citizen's to pay (ADR 0068).
    private boolean feesWithdrawn;
    private String itemId;
    private Instant statusAt;
    private List<String> appliedReports;
    private List<String> failedAttempts;
    /** The operator's reports of collections the postman could not make (ADR 0084); absent in older documents. */
    private List<String> failedCollections = new ArrayList<>();
    /** The post stopped trying to collect it (ADR 0084), as against a citizen's call-off; false in older documents. */
    private boolean collectionAbandoned;
    /** The officers were asked about these originals while they were still on their way (ADR 0083): asked again on arrival. */
    private boolean askedBeforeArrival;
    /** The agency, which keeps these originals, received the dossier before the postman collected them (ADR 0085): told on arrival. */
    private boolean keptOnArrival;
    /** The postman's window the citizen was last told of (ADR 0087), and the time of the report that set it. */
    private PickupWindow pickupWindow;
    private Instant pickupWindowReportedAt;
    private boolean cashCollected;
    private List<Report> history;
    /**
     * The Idempotency-Key claim a citizen's pick-up request created it under: a retry that takes
     * over the claim of a request that died after storing it finds it by this, instead of sending
     * the postman twice.
     */
    @Indexed(sparse = true)
    private String createdUnder;
    /**
     * Why paper originals go back to the citizen, once they do: their dossier closed (ADR 0077), or the agency received it,
     * having only compared them (ADR 0080). Stored under its first name, from when only a closure sent them back.
     */
    @Field("closedWith")
    private String whyBack;

    public enum Kind {
        DOSSIER_PICKUP(ShipmentPurpose.DOSSIER_PICKUP, PostalService.DOSSIER_PICKUP),
        RESULT_DELIVERY(ShipmentPurpose.RESULT_RETURN, PostalService.RESULT_RETURN),
        /** The paper originals of an online dossier, collected from the citizen for the agency that must see them. */
        PAPER_ORIGINALS(ShipmentPurpose.PAPER_ORIGINALS, PostalService.PAPER_ORIGINALS),
        /** Those originals back to the citizen, collected for a dossier that then closed (ADR 0077). */
        ORIGINALS_RETURN(ShipmentPurpose.ORIGINALS_RETURN, PostalService.ORIGINALS_RETURN),
        DOSSIER_RETURN(ShipmentPurpose.DOSSIER_RETURN, PostalService.DOSSIER_RETURN);

        private final ShipmentPurpose purpose;
        private final PostalService service;

        Kind(ShipmentPurpose purpose, PostalService service) {
            this.purpose = purpose;
            this.service = service;
        }

        ShipmentPurpose purpose() {
            return purpose;
        }

        /** How the tariffs price it. */
        public PostalService service() {
            return service;
        }
    }

    /** Statuses in the order a shipment goes through them; a later one is never replaced by an earlier one. */
    public enum Status {
        AWAITING_RESULT(0), REQUESTED(1), ACCEPTED(2), PICKUP_SCHEDULED(3),
        /** A pick-up its citizen called off before the postman came; a later report that he collected it anyway wins. */
        CANCELLED(3),
        PICKED_UP(4), IN_TRANSIT(5), OUT_FOR_DELIVERY(6), DELIVERY_FAILED(6), DELIVERED(9), RETURNED_TO_SENDER(9);

        private final int rank;

        Status(int rank) {
            this.rank = rank;
        }

        boolean terminal() {
            return rank == 9;
        }

        /** Carried no further unless the operator reports otherwise: arrived, returned, or called off. */
        boolean settled() {
            return terminal() || this == CANCELLED;
        }
    }

    /**
     * What the operator can report: a status, that cash was collected, or that the postman could not collect what he came
     * for at the citizen's (PICKUP_FAILED, of a paper dossier or originals only; ADR 0084).
     */
    public enum Progress {
        ACCEPTED, PICKUP_SCHEDULED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED, DELIVERED, CASH_COLLECTED, PICKUP_FAILED
    }

    /**
     * One report as the operator sent it, kept in the shipment's tracking history.
     *
     * @param pickupWindow when the postman comes, on a PICKUP_SCHEDULED report of a collection (ADR 0087); else null
     */
    public record Report(String reportId, Progress progress, Instant at, String detail, Long amount, Instant receivedAt,
            PickupWindow pickupWindow) {
        @PersistenceCreator
        public Report {
        }

        public Report(String reportId, Progress progress, Instant at, String detail, Long amount, Instant receivedAt) {
            this(reportId, progress, at, detail, amount, receivedAt, null);
        }
    }

    /** When the postman comes to collect the citizen's papers: from, until (later than from). */
    public record PickupWindow(Instant from, Instant until) {
        /** To the millisecond, as stored: the same window sent again compares equal to the one kept. */
        public PickupWindow {
            from = from == null ? null : from.truncatedTo(ChronoUnit.MILLIS);
            until = until == null ? null : until.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** The dossier a shipment belongs to, as far as its price depends on it. */
    public record Origin(String agencyCode, String procedureCode, int channel) {
    }

    /** Where the item goes: the recipient, a street address and its province (one of the 34). */
    public record Destination(String recipientName, String recipientPhone, String address, String province) {
    }

    @PersistenceCreator
    Shipment(String id, String dossierCode, String ownerCitizenId, String operator, Origin origin, Kind kind, Status status,
            String recipientName, String recipientPhone, String address, String addressProvince, Instant addressConfirmedAt,
            Instant createdAt, Boolean resultReady, Long feesOnDelivery, TariffRules.Quote price, String itemId, Instant statusAt,
            List<String> appliedReports, List<String> failedAttempts, Boolean cashCollected, List<Report> history,
            Boolean feesWithdrawn, String whyBack) {
        this.id = id;
        this.dossierCode = dossierCode;
        this.ownerCitizenId = ownerCitizenId;
        this.operator = operator;
        // Shipments stored before the origin was recorded price as if the agency were in the address's province.
        this.origin = origin == null ? new Origin(null, null, 0) : origin;
        this.kind = kind;
        this.status = status;
        this.recipientName = recipientName;
        this.recipientPhone = recipientPhone;
        this.address = address;
        this.addressProvince = addressProvince;
        this.addressConfirmedAt = addressConfirmedAt;
        this.createdAt = createdAt;
        // Boxed: documents stored before these fields existed read as "not yet" and "nothing to collect".
        this.resultReady = resultReady != null && resultReady;
        this.feesOnDelivery = feesOnDelivery == null ? 0 : feesOnDelivery;
        this.price = price;
        this.itemId = itemId;
        this.statusAt = statusAt == null ? createdAt : statusAt;
        this.appliedReports = appliedReports == null ? new ArrayList<>() : new ArrayList<>(appliedReports);
        this.failedAttempts = failedAttempts == null ? new ArrayList<>() : new ArrayList<>(failedAttempts);
        this.cashCollected = cashCollected != null && cashCollected;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        this.feesWithdrawn = feesWithdrawn != null && feesWithdrawn;
        this.whyBack = whyBack;
    }

    /**
     * A result to post, planned at submission; the citizen is asked to confirm the address.
     *
     * @param destination as the application gave it; its province null when none of the 34 was found in it
     */
    static Changed<Shipment> plannedResultDelivery(String dossierCode, String ownerCitizenId, String operator, Origin origin,
            Destination destination, Instant now) {
        Shipment shipment = new Shipment(resultDeliveryId(dossierCode), dossierCode, ownerCitizenId, operator, origin,
                Kind.RESULT_DELIVERY, Status.AWAITING_RESULT, destination.recipientName(), destination.recipientPhone(),
                destination.address(), destination.province(), null, now, false, 0L, null, null, now, null, null, false, null, false, null);
        return Changed.of(shipment, new ReturnAddressConfirmationRequested(shipment.id, dossierCode, ownerCitizenId,
                destination.recipientName(), destination.recipientPhone(), destination.address(), destination.province(), now));
    }

    public static String resultDeliveryId(String dossierCode) {
        return "RET-" + dossierCode;
    }

    /**
     * A paper dossier the postman collects from the citizen and carries to the agency (BCCI intake),
     * handed to the operator at once with its item id and price.
     */
    static Changed<Shipment> requestedPickup(String ownerCitizenId, String operator, Origin origin, Destination pickupFrom,
            String itemId, TariffRules.Quote quote, Instant now) {
        Shipment shipment = new Shipment(pickupId(itemId), null, ownerCitizenId, operator, origin, Kind.DOSSIER_PICKUP,
                Status.AWAITING_RESULT, pickupFrom.recipientName(), pickupFrom.recipientPhone(), pickupFrom.address(),
                pickupFrom.province(), now, now, true, 0L, null, null, now, null, null, false, null, false, null);
        return Changed.of(shipment, shipment.request(itemId, quote, now).toArray(Event[]::new));
    }

    /**
     * The paper originals of an online dossier whose procedure needs them, offered at submission:
     * they leave when the citizen confirms where the postman collects them.
     */
    static Changed<Shipment> offeredOriginals(String dossierCode, String ownerCitizenId, String operator, Origin origin,
            Destination collectFrom, Instant now) {
        return Changed.of(new Shipment(originalsId(dossierCode), dossierCode, ownerCitizenId, operator, origin, Kind.PAPER_ORIGINALS,
                Status.AWAITING_RESULT, collectFrom.recipientName(), collectFrom.recipientPhone(), collectFrom.address(),
                collectFrom.province(), null, now, false, 0L, null, null, now, null, null, false, null, false, null));
    }

    public static String originalsId(String dossierCode) {
        return "ORI-" + dossierCode;
    }

    /**
     * The paper originals collected for a dossier, back to the address they were collected from (ADR 0077): because the
     * dossier closed, or because the agency has checked them. It waits for them to reach the agency, and leaves, like a
     * result, once they have and the address's province is known.
     *
     * @param originals the dossier's originals shipment, collected
     * @param why why they go back, as the citizen is told: the closure's reason, or that the agency checked them
     */
    static Changed<Shipment> originalsBack(Shipment originals, String why, Instant now) {
        Shipment back = new Shipment(originalsReturnId(originals.dossierCode), originals.dossierCode, originals.ownerCitizenId,
                originals.operator, originals.origin, Kind.ORIGINALS_RETURN, Status.AWAITING_RESULT, originals.recipientName,
                originals.recipientPhone, originals.address, originals.addressProvince, null, now,
                originals.status == Status.DELIVERED, 0L, null, null, now, null, null, false, null, false, null);
        return Changed.of(back, new OriginalsReturnPlanned(back.id, back.dossierCode, back.ownerCitizenId, back.origin.agencyCode(),
                back.recipientName, back.recipientPhone, back.address, back.addressProvince, why, now));
    }

    public static String originalsReturnId(String dossierCode) {
        return "BAK-" + dossierCode;
    }

    /**
     * The officer registered the paper dossier this pick-up brought as {@code registeredAs} (ADR 0081): the pick-up is the
     * dossier's from now on, and goes back with it if it closes. Unchanged for another kind, or once it knows its dossier.
     */
    List<Event> registeredAs(String registeredAs) {
        if (kind != Kind.DOSSIER_PICKUP || dossierCode != null) {
            return AggregateStore.UNCHANGED;
        }
        dossierCode = registeredAs;
        return List.of();
    }

    /** A paper dossier the post brought to the agency, registered, and refused, withdrawn or stopped since: it goes back. */
    boolean dossierToGoBack() {
        return kind == Kind.DOSSIER_PICKUP && dossierCode != null && whyBack != null && status == Status.DELIVERED;
    }

    /**
     * The paper dossier a pick-up brought, back to the address it was collected from (ADR 0081): it is at the agency, so the
     * return is ready at once and leaves once the address's province is known.
     *
     * @param pickup the registered dossier's pick-up, delivered to the agency
     * @param why why it goes back, as the citizen was told of the closure
     */
    static Changed<Shipment> dossierBack(Shipment pickup, String why, Instant now) {
        Shipment back = new Shipment(dossierReturnId(pickup.dossierCode), pickup.dossierCode, pickup.ownerCitizenId, pickup.operator,
                pickup.origin, Kind.DOSSIER_RETURN, Status.AWAITING_RESULT, pickup.recipientName, pickup.recipientPhone,
                pickup.address, pickup.addressProvince, null, now, true, 0L, null, null, now, null, null, false, null, false, null);
        return Changed.of(back, new PaperDossierReturnPlanned(back.id, back.dossierCode, pickup.itemId, back.ownerCitizenId,
                back.origin.agencyCode(), back.recipientName, back.recipientPhone, back.address, back.addressProvince, why, now));
    }

    public static String dossierReturnId(String dossierCode) {
        return "TRA-" + dossierCode;
    }

    /**
     * Paper originals the postman collected for a dossier that closed since, or that the agency received having only compared
     * them: they are, or will be, at the agency, and go back. Not those he never collected (called off), nor those the
     * operator brought back to the citizen itself.
     */
    boolean originalsToGoBack() {
        return kind == Kind.PAPER_ORIGINALS && whyBack != null && status.rank >= Status.PICKED_UP.rank
                && status != Status.RETURNED_TO_SENDER;
    }

    /** Why the originals go back, as the citizen is told: the closure's reason, or that the agency has checked them. */
    String whyBack() {
        return whyBack;
    }

    /**
     * The agency received the dossier, having seen the originals, and the catalog says it only compares them (ADR 0080): they
     * are to go back, now or once the operator reports them at the agency. Unchanged for other shipments, or when they go
     * back already.
     */
    List<Event> checkedAtReception() {
        if (kind != Kind.PAPER_ORIGINALS || whyBack != null) {
            return AggregateStore.UNCHANGED;
        }
        whyBack = CHECKED;
        return List.of();
    }

    /**
     * The agency received the dossier and the catalog says it keeps these originals in its file (ADR 0080): their citizen
     * learns they stay (ADR 0085). Unchanged when they go back already, were never collected, or came back to the citizen.
     */
    List<Event> receivedToKeep(Instant now) {
        if (!collectedAndStaying()) {
            if (kind == Kind.PAPER_ORIGINALS && whyBack == null && status != Status.CANCELLED && status.rank < Status.PICKED_UP.rank) {
                // Not collected yet: the citizen learns they stay once they reach the agency.
                keptOnArrival = true;
                return List.of();
            }
            return AggregateStore.UNCHANGED;
        }
        keptOnArrival = false;
        return List.of(new OriginalsKeptOnFile(id, dossierCode, origin.agencyCode(), origin.procedureCode(), ownerCitizenId, now));
    }

    boolean keptOnArrival() {
        return keptOnArrival;
    }

    private boolean collectedAndStaying() {
        return kind == Kind.PAPER_ORIGINALS && whyBack == null && status.rank >= Status.PICKED_UP.rank
                && status != Status.RETURNED_TO_SENDER;
    }

    /**
     * The dossier's result is ready and the catalog does not say whether the agency keeps these originals (ADR 0083): its
     * officers are asked whether they go back with the result. Unchanged when they are to go back already, were never
     * collected, or came back to the citizen.
     */
    List<Event> resultReadyWithOriginalsUndecided(Instant now) {
        if (!collectedAndStaying()) {
            return AggregateStore.UNCHANGED;
        }
        askedBeforeArrival = status != Status.DELIVERED;
        return List.of(new OriginalsAwaitingDecision(id, dossierCode, origin.agencyCode(), origin.procedureCode(), ownerCitizenId,
                status == Status.DELIVERED, now));
    }

    boolean askedBeforeArrival() {
        return askedBeforeArrival;
    }

    /** Something told about these originals on their way waits for them to reach the agency to be told again or at all. */
    boolean awaitsArrival() {
        return askedBeforeArrival || keptOnArrival;
    }

    /**
     * The originals reached the agency, and what waited for that is done, once. Officers asked about them on their way could
     * do nothing with them then: they are asked again, now that the originals are in their hands, unless a return is planned
     * (ADR 0083). Originals of a dossier received before they were collected stay in the file, and their citizen is told so
     * now (ADR 0085). Nothing is told of originals going back; unchanged unless something waited and they are there.
     *
     * @param returnPlanned their return to the citizen is planned already (an officer's, not a closure's)
     */
    List<Event> arrivedAtTheAgency(Instant now, boolean returnPlanned) {
        if (!awaitsArrival() || status != Status.DELIVERED) {
            return AggregateStore.UNCHANGED;
        }
        boolean askAgain = askedBeforeArrival && !returnPlanned;
        boolean tellKept = keptOnArrival;
        askedBeforeArrival = false;
        keptOnArrival = false;
        if (!collectedAndStaying()) {
            return List.of();
        }
        if (askAgain) {
            return List.of(new OriginalsAwaitingDecision(id, dossierCode, origin.agencyCode(), origin.procedureCode(), ownerCitizenId,
                    true, now));
        }
        return tellKept ? List.of(new OriginalsKeptOnFile(id, dossierCode, origin.agencyCode(), origin.procedureCode(), ownerCitizenId,
                now)) : List.of();
    }

    /**
     * The agency's officer sends the originals back once checked (ADR 0077): only paper originals that reached the agency.
     *
     * @throws ApiProblem 409 otherwise
     */
    void checkSendableBackByTheAgency() {
        if (kind != Kind.PAPER_ORIGINALS) {
            throw ApiProblem.conflict("not-paper-originals", "Shipment " + id + " carries " + kind.purpose()
                    + ": only paper originals collected for the agency are sent back from it");
        }
        if (status != Status.DELIVERED) {
            throw ApiProblem.conflict("originals-not-at-agency", "The originals of shipment " + id + " are " + status
                    + ": they are sent back once they have reached the agency").with("currentStatus", status.name());
        }
    }

    static String pickupId(String itemId) {
        return "PIC-" + itemId;
    }

    /** The fees the postman collects with the result (its RESULT stage), until they are paid otherwise. */
    List<Event> collectOnDelivery(long fees) {
        if (status == Status.AWAITING_RESULT) {
            feesOnDelivery = fees;
        }
        return List.of();
    }

    /**
     * The result's fees were paid otherwise (online, at the counter): the postman does not collect them. Before the item
     * is handed over they are dropped from it; once the operator has it, until it is delivered, the operator is told
     * the new amount, the postage the citizen still owes. A collection already reported stands, and the payment
     * service records what was paid twice.
     */
    List<Event> feesPaidOtherwise(Instant now) {
        if (feesOnDelivery == 0 || cashCollected) {
            return List.of();
        }
        feesOnDelivery = 0;
        if (itemId == null || status.settled()) {
            return List.of();
        }
        feesWithdrawn = true;
        long toCollect = cashOnDelivery();
        return List.of(new ShipmentCashOnDeliveryChanged(id, dossierCode, operator, itemId, toCollect, toCollect == 0
                ? "Phí, lệ phí đã được nộp; không thu tiền của người nhận" : "Phí, lệ phí đã được nộp; chỉ thu cước của người nhận", now));
    }

    /** The result is ready; it can leave once the address's province is known. */
    List<Event> markResultReady() {
        resultReady = true;
        return List.of();
    }

    boolean readyToHandOver() {
        return status == Status.AWAITING_RESULT && resultReady && addressProvince != null;
    }

    /** Handed to the operator with its item id and the price frozen on it (postage, cash-on-delivery fee, who pays). */
    List<Event> request(String allocatedItemId, TariffRules.Quote quote, Instant now) {
        if (!readyToHandOver()) {
            return List.of();
        }
        status = Status.REQUESTED;
        statusAt = now;
        itemId = allocatedItemId;
        price = quote;
        return List.of(new ShipmentRequested(id, dossierCode, kind.purpose(), operator, origin.agencyCode(), itemId,
                recipientName, recipientPhone,
                address, addressProvince, cashOnDelivery(), quote.postageDue(), quote.payer().name(), now));
    }

    /**
     * What the postman collects from the recipient: the fees, and the postage and cash-on-delivery fee when the citizen pays
     * them; that fee not once the fees were withdrawn, since it paid for collecting them.
     */
    public long cashOnDelivery() {
        if (price == null) {
            return feesOnDelivery;
        }
        return feesOnDelivery + price.citizenPays() - (feesWithdrawn ? price.cashOnDeliveryFee() : 0);
    }

    /**
     * The agency sends an officer with the result instead of the post (a delivery without an
     * operator), while the postman has not picked it up: the operator, if it had the item, is told
     * to drop it, and the delivery returns the dossier like any other. Papers going back (originals, or a
     * paper dossier) are handed over likewise, at the counter or at the door, once they are at the agency,
     * and at the counter once the operator brought them back after failed deliveries (ADR 0077, 0081).
     */
    List<Event> deliverByHand(String officer, String receivedBy, Instant now) {
        boolean broughtBackPapers = (kind == Kind.ORIGINALS_RETURN || kind == Kind.DOSSIER_RETURN) && status == Status.RETURNED_TO_SENDER;
        boolean atTheAgency = status.rank < Status.PICKED_UP.rank && (status != Status.AWAITING_RESULT || resultReady);
        if (!broughtBackPapers && !(carriedFromTheAgency() && atTheAgency)) {
            throw ApiProblem.conflict("shipment-not-deliverable-by-hand", "Shipment " + id + " is " + status
                    + (resultReady ? "" : " and what it carries is not ready") + ": an officer brings a ready result, or papers going back,"
                    + " the post has not picked up");
        }
        List<Event> events = new ArrayList<>();
        if (itemId != null && !broughtBackPapers) {
            events.add(new ShipmentCancelled(id, dossierCode, operator, itemId, "Cán bộ " + officer + " trao tận tay", now));
        }
        history.add(new Report(BY_HAND + officer, Progress.DELIVERED, now, "Cán bộ " + officer + " trao cho " + receivedBy,
                null, now));
        move(Status.DELIVERED, now);
        events.add(new ShipmentDelivered(id, dossierCode, kind.purpose(), itemId, now, officer));
        return events;
    }

    /**
     * Its dossier was refused, withdrawn or stopped (ADR 0075): a result that will never be ready does not wait for an
     * address, and originals nobody needs now are not collected; the operator, if it has the item, is told to drop it.
     * Already picked up, or already handed over with a ready result: unchanged, but originals remember the closure, to go
     * back once they reach the agency (ADR 0077), and so does the pick-up of the paper dossier, which goes back (ADR 0081).
     *
     * @param reason why the dossier closed, as the citizen was told ("Hồ sơ được rút")
     */
    List<Event> dossierClosed(String reason, Instant now) {
        whyBack = whyBack == null ? reason : whyBack;
        boolean waiting = kind == Kind.RESULT_DELIVERY && status == Status.AWAITING_RESULT
                || kind == Kind.PAPER_ORIGINALS && status != Status.CANCELLED && status.rank < Status.PICKED_UP.rank;
        if (!waiting) {
            return List.of();
        }
        move(Status.CANCELLED, now);
        return itemId == null ? List.of() : List.of(new ShipmentCancelled(id, dossierCode, operator, itemId, reason + ": hủy chuyển phát", now));
    }

    /**
     * The citizen confirms or changes where the item goes, until the operator has picked it up; an
     * item already with the operator is redirected by {@link ShipmentAddressConfirmed}. A shipment called off is not.
     */
    List<Event> confirmAddress(Destination destination, Instant now) {
        if (status == Status.CANCELLED) {
            throw ApiProblem.conflict("shipment-cancelled", "Shipment " + id + " was called off"
                    + (kind == Kind.DOSSIER_PICKUP ? "" : " with its dossier") + ": there is nothing to send").with("currentStatus", status.name());
        }
        if (status.rank >= Status.PICKED_UP.rank) {
            throw ApiProblem.conflict("shipment-under-way",
                    "Shipment " + id + " is already " + status + "; its address can no longer change");
        }
        boolean changed = !destination.address().equals(address) || !destination.province().equals(addressProvince)
                || !destination.recipientName().equals(recipientName) || !destination.recipientPhone().equals(recipientPhone);
        recipientName = destination.recipientName();
        recipientPhone = destination.recipientPhone();
        address = destination.address();
        addressProvince = destination.province();
        addressConfirmedAt = now;
        if (kind == Kind.PAPER_ORIGINALS) {
            // For the originals, the citizen's confirmation is the request: the postman may come.
            resultReady = true;
        }
        if (status == Status.AWAITING_RESULT) {
            return List.of();
        }
        return List.of(new ShipmentAddressConfirmed(id, dossierCode, operator, itemId, recipientName, recipientPhone, address,
                addressProvince, changed, now));
    }

    /**
     * The citizen calls off a pick-up the postman has not collected yet: the operator is told to drop
     * it. Calling it off again changes nothing.
     */
    List<Event> cancelPickup(Instant now) {
        if (status == Status.CANCELLED) {
            return List.of();
        }
        if (kind != Kind.DOSSIER_PICKUP || status.rank >= Status.PICKED_UP.rank) {
            throw ApiProblem.conflict("pickup-not-cancellable", "Shipment " + id + " is " + status
                    + (kind == Kind.DOSSIER_PICKUP ? ": the postman has collected the dossier" : ": only a pick-up is called off by its citizen"))
                    .with("currentStatus", status.name());
        }
        move(Status.CANCELLED, now);
        return List.of(new ShipmentCancelled(id, dossierCode, operator, itemId, "Công dân hủy yêu cầu thu gom", now));
    }

    /**
     * Applies an operator's report once. A report of an earlier stage than the shipment's is kept in
     * the history but changes nothing; a report on a delivered or returned shipment likewise.
     *
     * @param limits how many attempts the operator's rule allows on the day of the report (ADR 0086)
     */
    List<Event> report(Report report, AttemptLimits limits) {
        if (appliedReports.contains(report.reportId())) {
            return List.of();
        }
        if (status == Status.AWAITING_RESULT) {
            throw ApiProblem.conflict("shipment-not-requested",
                    "Shipment " + id + " has not been handed to the operator yet (its result is not ready)");
        }
        if (report.progress() == Progress.PICKUP_FAILED && !collectedFromTheCitizen()) {
            throw ApiProblem.unprocessable("not-a-collection", "Shipment " + id + " carries " + kind.purpose()
                    + " from the agency: PICKUP_FAILED is for papers collected at the citizen's; report DELIVERY_FAILED");
        }
        if (report.pickupWindow() != null && !collectedFromTheCitizen()) {
            throw ApiProblem.unprocessable("not-a-collection", "Shipment " + id + " carries " + kind.purpose()
                    + " from the agency: a pick-up window is for papers collected at the citizen's; report PICKUP_SCHEDULED without one");
        }
        appliedReports.add(report.reportId());
        history.add(report);
        List<Event> events = new ArrayList<>();
        switch (report.progress()) {
            case CASH_COLLECTED -> {
                if (!cashCollected) {
                    cashCollected = true;
                    events.add(new CashCollected(id, dossierCode, operator, amountOf(report), report.detail(), report.at(),
                            feesIn(amountOf(report))));
                }
            }
            case DELIVERY_FAILED -> {
                failedAttempts.add(report.reportId());
                if (!status.settled() && failedAttempts.size() >= limits.deliveries()) {
                    move(Status.RETURNED_TO_SENDER, report.at());
                    events.add(new ShipmentReturnedToSender(id, dossierCode, kind.purpose(), itemId, failedAttempts.size(),
                            report.detail(), report.at()));
                    // The citizen's papers are back at the agency: they must learn to come for them.
                    if (kind == Kind.ORIGINALS_RETURN) {
                        events.add(new OriginalsAwaitingCollection(id, dossierCode, ownerCitizenId, origin.agencyCode(),
                                failedAttempts.size(), report.detail(), report.at()));
                    } else if (kind == Kind.DOSSIER_RETURN) {
                        events.add(new PaperDossierAwaitingCollection(id, dossierCode, ownerCitizenId, origin.agencyCode(),
                                failedAttempts.size(), report.detail(), report.at()));
                    }
                } else if (!status.settled()) {
                    advance(Status.DELIVERY_FAILED, report.at());
                    if (carriedFromTheAgency()) {
                        events.add(new ShipmentDeliveryAttemptFailed(id, dossierCode, itemId, ownerCitizenId, failedAttempts.size(),
                                report.detail(), report.at(), cashOnDelivery(), feesOnDelivery, kind.purpose()));
                    }
                }
            }
            case PICKUP_FAILED -> events.addAll(collectionFailed(report, limits));
            case PICKUP_SCHEDULED -> events.addAll(collectionScheduled(report));
            default -> {
                Status reported = Status.valueOf(report.progress().name());
                if (advance(reported, report.at())) {
                    events.addAll(progressed(reported, report.at()));
                }
            }
        }
        return events;
    }

    /** What the shipment's new status tells: its arrival, and for a result or originals going back the steps their owner follows. */
    private List<Event> progressed(Status reported, Instant at) {
        if (reported == Status.DELIVERED) {
            return List.of(kind == Kind.DOSSIER_PICKUP ? new PaperDossierArrived(id, itemId, origin.agencyCode(), origin.procedureCode(),
                    ownerCitizenId, recipientName, recipientPhone, at) : new ShipmentDelivered(id, dossierCode, kind.purpose(), itemId, at));
        }
        if (!carriedFromTheAgency()) {
            return List.of();
        }
        return switch (reported) {
            // Each says what the postman collects as it stands then, so the citizen has it ready.
            case PICKED_UP -> List.of(new ShipmentDispatched(id, dossierCode, itemId, ownerCitizenId, at, cashOnDelivery(), feesOnDelivery,
                    kind.purpose()));
            case OUT_FOR_DELIVERY -> List.of(new ShipmentOutForDelivery(id, dossierCode, itemId, ownerCitizenId, at, cashOnDelivery(),
                    feesOnDelivery, kind.purpose()));
            default -> List.of();
        };
    }

    /**
     * The postman could not collect the papers this time (ADR 0084): the citizen learns he comes again, and after the last
     * attempt that the post stopped trying, which calls the shipment off; a later report that he collected them wins, as
     * over a citizen's call-off. A report after he collected them, or once called off, changes nothing.
     */
    private List<Event> collectionFailed(Report report, AttemptLimits limits) {
        if (status.rank >= Status.PICKED_UP.rank || status == Status.CANCELLED) {
            return List.of();
        }
        failedCollections.add(report.reportId());
        if (failedCollections.size() < limits.collections()) {
            return List.of(new ShipmentCollectionAttemptFailed(id, dossierCode, kind.purpose(), itemId, ownerCitizenId,
                    failedCollections.size(), limits.collections(), report.detail(), report.at()));
        }
        move(Status.CANCELLED, report.at());
        collectionAbandoned = true;
        return List.of(new ShipmentCollectionAbandoned(id, dossierCode, kind.purpose(), itemId, ownerCitizenId, origin.agencyCode(),
                origin.procedureCode(), failedCollections.size(), report.detail(), report.at()));
    }

    /**
     * The operator set when the postman comes for the citizen's papers (ADR 0087): the citizen is told each new window while
     * the papers are still to collect. The same window again, one reported before the last told, or none, tells nothing.
     */
    private List<Event> collectionScheduled(Report report) {
        advance(Status.PICKUP_SCHEDULED, report.at());
        PickupWindow window = report.pickupWindow();
        boolean stillToCollect = status.rank < Status.PICKED_UP.rank && status != Status.CANCELLED;
        boolean newer = pickupWindowReportedAt == null || report.at().isAfter(pickupWindowReportedAt);
        if (window == null || !stillToCollect || !newer || window.equals(pickupWindow)) {
            return List.of();
        }
        pickupWindow = window;
        pickupWindowReportedAt = report.at();
        return List.of(new ShipmentCollectionScheduled(id, dossierCode, kind.purpose(), itemId, ownerCitizenId, window.from(),
                window.until(), report.at()));
    }

    /** The window the citizen was last told of; null when the operator gave none. */
    public PickupWindow pickupWindow() {
        return pickupWindow;
    }

    /** The post gave up collecting it after the last failed attempt, and the postman never reported he had it after all. */
    public boolean collectionGivenUp() {
        return status == Status.CANCELLED && collectionAbandoned;
    }

    /** Collected at the citizen's address for the agency: a paper dossier, or the originals of an online one. */
    private boolean collectedFromTheCitizen() {
        return kind == Kind.DOSSIER_PICKUP || kind == Kind.PAPER_ORIGINALS;
    }

    /**
     * Carried from the agency to the citizen's door: a result, or papers going back, originals or a paper dossier (ADR 0079,
     * 0081). The citizen follows it step by step; what travels to the agency is the agency's to receive.
     */
    private boolean carriedFromTheAgency() {
        return kind == Kind.RESULT_DELIVERY || kind == Kind.ORIGINALS_RETURN || kind == Kind.DOSSIER_RETURN;
    }

    /** @return true when the shipment took the reported status */
    private boolean advance(Status reported, Instant at) {
        boolean later = status == Status.CANCELLED
                // The postman collected it before the call-off reached him: the dossier is on its way after all.
                ? reported.rank >= Status.PICKED_UP.rank
                : reported.rank > status.rank || (reported.rank == status.rank && !at.isBefore(statusAt));
        if (status.terminal() || !later) {
            return false;
        }
        move(reported, at);
        return true;
    }

    private void move(Status to, Instant at) {
        status = to;
        statusAt = at;
    }

    private static long amountOf(Report report) {
        return report.amount() == null ? 0 : report.amount();
    }

    void createdUnder(String claimId) {
        this.createdUnder = claimId;
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

    public String operator() {
        return operator;
    }

    public Origin origin() {
        return origin;
    }

    public Kind kind() {
        return kind;
    }

    public Status status() {
        return status;
    }

    public String itemId() {
        return itemId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int failedAttemptCount() {
        return failedAttempts.size();
    }

    public boolean cashCollected() {
        return cashCollected;
    }

    /** The cash the postman collected, as first reported (a repeated report counts once); null when none. */
    public Long collectedAmount() {
        return history.stream().filter(r -> r.progress() == Progress.CASH_COLLECTED).findFirst().map(Report::amount).orElse(null);
    }

    /** The dossier's fees among the cash collected, once it was: what exceeds the postage the citizen pays. */
    public Long feesCollected() {
        Long collected = collectedAmount();
        return collected == null ? null : feesIn(collected);
    }

    private long feesIn(long collected) {
        return Math.max(0, collected - (price == null ? 0 : price.citizenPays()));
    }

    /** The fees were taken off the item after it was handed over: the price's cash-on-delivery fee is not collected. */
    public boolean feesWithdrawn() {
        return feesWithdrawn;
    }

    /** Brought by the agency's officer rather than the operator. */
    public boolean deliveredByHand() {
        return history.stream().anyMatch(r -> r.reportId().startsWith(BY_HAND));
    }

    public List<Report> history() {
        return List.copyOf(history);
    }

    public String recipientName() {
        return recipientName;
    }

    public String address() {
        return address;
    }

    public String recipientPhone() {
        return recipientPhone;
    }

    public String addressProvince() {
        return addressProvince;
    }

    public Instant addressConfirmedAt() {
        return addressConfirmedAt;
    }

    public boolean resultReady() {
        return resultReady;
    }

    /** The price frozen when the shipment was handed to the operator; null before. */
    public TariffRules.Quote price() {
        return price;
    }
}
