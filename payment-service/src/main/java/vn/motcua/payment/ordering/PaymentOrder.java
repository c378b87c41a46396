package vn.motcua.payment.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.outbox.OutboxEntry;

/**
 * What a citizen owes for one stage of a dossier. Its id is derived from the dossier and the
 * stage, so one dossier never gets two orders for the same stage, however often the event
 * that opens it is delivered.
 */
@Document("payment_orders")
public class PaymentOrder {
    public static final String CURRENCY = "VND";

    @Id
    private final String id;
    @Version
    private Long version;
    @Indexed
    private final String dossierCode;
    private final String ownerCitizenId;
    private final String stage;
    private final long amount;
    private final PaymentStatus status;
    private final Instant requestedAt;
    private final Instant payBy;
    private final String openedByEventId;
    private final List<OutboxEntry> pendingEvents;

    @PersistenceCreator
    PaymentOrder(String id, Long version, String dossierCode, String ownerCitizenId, String stage, long amount,
            PaymentStatus status, Instant requestedAt, Instant payBy, String openedByEventId,
            List<OutboxEntry> pendingEvents) {
        this.id = id;
        this.version = version;
        this.dossierCode = dossierCode;
        this.ownerCitizenId = ownerCitizenId;
        this.stage = stage;
        this.amount = amount;
        this.status = status;
        this.requestedAt = requestedAt;
        this.payBy = payBy;
        this.openedByEventId = openedByEventId;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    public record Opened(PaymentOrder order, List<Event> events) {
    }

    public static String idFor(String dossierCode, String stage) {
        return "PAY-" + dossierCode + "-" + stage;
    }

    public static Opened open(String dossierCode, String ownerCitizenId, String stage, long amount, Instant now,
            Instant payBy, String causeEventId) {
        String id = idFor(dossierCode, stage);
        PaymentOrder order = new PaymentOrder(id, null, dossierCode, ownerCitizenId, stage, amount,
                PaymentStatus.REQUESTED, now, payBy, causeEventId, List.of());
        return new Opened(order, List.of(new PaymentRequested(id, dossierCode, ownerCitizenId, stage, amount, CURRENCY,
                now, payBy)));
    }

    void enqueue(List<OutboxEntry> entries) {
        pendingEvents.addAll(entries);
    }

    public String id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String ownerCitizenId() {
        return ownerCitizenId;
    }

    public String stage() {
        return stage;
    }

    public long amount() {
        return amount;
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
}
