package vn.motcua.postal.shipments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.postal.CashCollected;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.events.postal.ShipmentRequested;
import vn.motcua.events.postal.ShipmentReturnedToSender;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A postal shipment for a dossier. A result delivery is planned when the applicant asks for the
 * result by post and handed to the operator, with its S10 item id, once the result is ready. The
 * operator's reports may arrive late, twice or out of order: each is applied once (by its id), and
 * a status is never replaced by an earlier one, so any order of the same reports ends in the same
 * state. Three failed delivery attempts return the item to the sender.
 */
@Document("shipments")
public class Shipment extends Aggregate {
    static final int ATTEMPTS_BEFORE_RETURN = 3;

    @Id
    private final String id;
    @Indexed
    private final String dossierCode;
    @Indexed
    private final String ownerCitizenId;
    @Indexed
    private final String operator;
    private final Kind kind;
    private Status status;
    private final String recipientName;
    private final String recipientPhone;
    private final String address;
    private final Instant createdAt;
    private String itemId;
    private Instant statusAt;
    private List<String> appliedReports;
    private List<String> failedAttempts;
    private boolean cashCollected;
    private List<Report> history;

    public enum Kind {
        DOSSIER_PICKUP, RESULT_DELIVERY;

        ShipmentPurpose purpose() {
            return this == RESULT_DELIVERY ? ShipmentPurpose.RESULT_RETURN : ShipmentPurpose.DOSSIER_PICKUP;
        }
    }

    /** Statuses in the order a shipment goes through them; a later one is never replaced by an earlier one. */
    public enum Status {
        AWAITING_RESULT(0), REQUESTED(1), ACCEPTED(2), PICKUP_SCHEDULED(3), PICKED_UP(4), IN_TRANSIT(5),
        OUT_FOR_DELIVERY(6), DELIVERY_FAILED(6), DELIVERED(9), RETURNED_TO_SENDER(9);

        private final int rank;

        Status(int rank) {
            this.rank = rank;
        }

        boolean terminal() {
            return rank == 9;
        }
    }

    /** What the operator can report: a status, or that cash was collected. */
    public enum Progress {
        ACCEPTED, PICKUP_SCHEDULED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED, DELIVERED, CASH_COLLECTED
    }

    /** One report as the operator sent it, kept in the shipment's tracking history. */
    public record Report(String reportId, Progress progress, Instant at, String detail, Long amount, Instant receivedAt) {
    }

    @PersistenceCreator
    Shipment(String id, String dossierCode, String ownerCitizenId, String operator, Kind kind, Status status,
            String recipientName, String recipientPhone, String address, Instant createdAt, String itemId, Instant statusAt,
            List<String> appliedReports, List<String> failedAttempts, boolean cashCollected, List<Report> history) {
        this.id = id;
        this.dossierCode = dossierCode;
        this.ownerCitizenId = ownerCitizenId;
        this.operator = operator;
        this.kind = kind;
        this.status = status;
        this.recipientName = recipientName;
        this.recipientPhone = recipientPhone;
        this.address = address;
        this.createdAt = createdAt;
        this.itemId = itemId;
        this.statusAt = statusAt;
        this.appliedReports = appliedReports == null ? new ArrayList<>() : new ArrayList<>(appliedReports);
        this.failedAttempts = failedAttempts == null ? new ArrayList<>() : new ArrayList<>(failedAttempts);
        this.cashCollected = cashCollected;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    static Shipment plannedResultDelivery(String dossierCode, String ownerCitizenId, String operator, String recipientName,
            String recipientPhone, String address, Instant now) {
        return new Shipment(resultDeliveryId(dossierCode), dossierCode, ownerCitizenId, operator, Kind.RESULT_DELIVERY,
                Status.AWAITING_RESULT, recipientName, recipientPhone, address, now, null, now, null, null, false, null);
    }

    public static String resultDeliveryId(String dossierCode) {
        return "RET-" + dossierCode;
    }

    /** The result is ready: the shipment goes to its operator with its item id. */
    List<Event> request(String allocatedItemId, Instant now) {
        if (status != Status.AWAITING_RESULT) {
            return List.of();
        }
        status = Status.REQUESTED;
        statusAt = now;
        itemId = allocatedItemId;
        return List.of(new ShipmentRequested(id, dossierCode, kind.purpose(), operator, itemId, recipientName, recipientPhone,
                address, now));
    }

    boolean awaitsItemId() {
        return status == Status.AWAITING_RESULT;
    }

    /**
     * Applies an operator's report once. A report of an earlier stage than the shipment's is kept in
     * the history but changes nothing; a report on a delivered or returned shipment likewise.
     */
    List<Event> report(Report report) {
        if (appliedReports.contains(report.reportId())) {
            return List.of();
        }
        if (status == Status.AWAITING_RESULT) {
            throw ApiProblem.conflict("shipment-not-requested",
                    "Shipment " + id + " has not been handed to the operator yet (its result is not ready)");
        }
        appliedReports.add(report.reportId());
        history.add(report);
        List<Event> events = new ArrayList<>();
        switch (report.progress()) {
            case CASH_COLLECTED -> {
                if (!cashCollected) {
                    cashCollected = true;
                    events.add(new CashCollected(id, dossierCode, operator, amountOf(report), report.detail(), report.at()));
                }
            }
            case DELIVERY_FAILED -> {
                failedAttempts.add(report.reportId());
                if (!status.terminal() && failedAttempts.size() >= ATTEMPTS_BEFORE_RETURN) {
                    move(Status.RETURNED_TO_SENDER, report.at());
                    events.add(new ShipmentReturnedToSender(id, dossierCode, kind.purpose(), itemId, failedAttempts.size(),
                            report.detail(), report.at()));
                } else {
                    advance(Status.DELIVERY_FAILED, report.at());
                }
            }
            default -> {
                Status reported = Status.valueOf(report.progress().name());
                if (advance(reported, report.at()) && reported == Status.DELIVERED) {
                    events.add(new ShipmentDelivered(id, dossierCode, kind.purpose(), itemId, report.at()));
                }
            }
        }
        return events;
    }

    /** @return true when the shipment took the reported status */
    private boolean advance(Status reported, Instant at) {
        boolean later = reported.rank > status.rank || (reported.rank == status.rank && !at.isBefore(statusAt));
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

    public List<Report> history() {
        return List.copyOf(history);
    }

    public String recipientName() {
        return recipientName;
    }

    public String address() {
        return address;
    }
}
