package vn.motcua.payment.ordering;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * What a citizen owes for one stage of a dossier. Its id is derived from the dossier and the
 * stage, so one dossier never gets two orders for the same stage, however often the event
 * that opens it is delivered.
 */
@Document("payment_orders")
public class PaymentOrder extends Aggregate {
    public static final String CURRENCY = "VND";

    @Id
    private final String id;
    @Indexed
    private final String dossierCode;
    private final String ownerCitizenId;
    private final FeeStage stage;
    private final long amount;
    private final PaymentStatus status;
    private final Instant requestedAt;
    private final Instant payBy;
    private final String openedByEventId;

    @PersistenceCreator
    PaymentOrder(String id, String dossierCode, String ownerCitizenId, FeeStage stage, long amount,
            PaymentStatus status, Instant requestedAt, Instant payBy, String openedByEventId) {
        this.id = id;
        this.dossierCode = dossierCode;
        this.ownerCitizenId = ownerCitizenId;
        this.stage = stage;
        this.amount = amount;
        this.status = status;
        this.requestedAt = requestedAt;
        this.payBy = payBy;
        this.openedByEventId = openedByEventId;
    }

    public static String idFor(String dossierCode, FeeStage stage) {
        return "PAY-" + dossierCode + "-" + stage;
    }

    /** @param causeEventId the event that made the fee due; the order's id comes from the dossier and stage */
    public static Changed<PaymentOrder> open(String dossierCode, String ownerCitizenId, FeeStage stage, long amount,
            Instant now, Instant payBy, String causeEventId) {
        String id = idFor(dossierCode, stage);
        PaymentOrder order = new PaymentOrder(id, dossierCode, ownerCitizenId, stage, amount, PaymentStatus.REQUESTED,
                now, payBy, causeEventId);
        return Changed.of(order, new PaymentRequested(id, dossierCode, ownerCitizenId, stage, amount, CURRENCY, now,
                payBy));
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

    public FeeStage stage() {
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
