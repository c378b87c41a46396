package vn.motcua.postal.remittances;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.postal.CashRemitted;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.postal.shipments.Shipment;

/**
 * One remittance batch of an operator, as received and reconciled. Its id is the operator and the
 * operator's batch id, so a batch sent again is found, never counted twice.
 */
@Document("remittances")
// An operator's batches newest first (its list), and the batches that named a shipment (a new
// batch's reconciliation, the post's figures): without them each read the whole collection.
@CompoundIndex(name = "operatorNewestFirst", def = "{'operator': 1, 'receivedAt': -1}")
@CompoundIndex(name = "itemShipment", def = "{'items.shipmentId': 1}")
public class Remittance extends Aggregate {
    @Id
    private final String id;
    private final String operator;
    private final String batchId;
    private final LocalDate day;
    private final long total;
    private final List<Item> items;
    private final List<Discrepancy> discrepancies;
    private final Instant receivedAt;

    /** One collection paid over: the shipment, the amount and the postman's receipt. */
    public record Item(String shipmentId, String itemId, long amount, String receiptNumber) {
    }

    /**
     * An item that does not match what the operator reported before.
     *
     * @param problem unknown-shipment, cash-not-reported, amount-differs or remitted-before
     * @param collected what was reported collected, when anything was
     */
    public record Discrepancy(String shipmentId, String problem, Long collected, long remitted) {
    }

    @PersistenceCreator
    Remittance(String id, String operator, String batchId, LocalDate day, long total, List<Item> items,
            List<Discrepancy> discrepancies, Instant receivedAt) {
        this.id = id;
        this.operator = operator;
        this.batchId = batchId;
        this.day = day;
        this.total = total;
        this.items = items == null ? List.of() : List.copyOf(items);
        this.discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
        this.receivedAt = receivedAt;
    }

    static String idOf(String operator, String batchId) {
        return operator + "|" + batchId;
    }

    /** @param known the batch's shipments this platform knows, by id: each item's dossier and fees, for the event */
    static Changed<Remittance> received(String operator, String batchId, LocalDate day, List<Item> items,
            List<Discrepancy> discrepancies, Map<String, Shipment> known, Instant now) {
        long total = items.stream().mapToLong(Item::amount).sum();
        Remittance remittance = new Remittance(idOf(operator, batchId), operator, batchId, day, total, items, discrepancies, now);
        return Changed.of(remittance, new CashRemitted(remittance.id, operator, day, total, items.stream().map(i -> {
            Optional<Shipment> shipment = Optional.ofNullable(known.get(i.shipmentId()));
            return new CashRemitted.RemittedItem(i.shipmentId(), shipment.map(Shipment::dossierCode).orElse(null), i.amount(),
                    i.receiptNumber(), shipment.map(Shipment::feesCollected).orElse(null));
        }).toList(), discrepancies.size(), now));
    }

    /** Whether a batch sent again under the same id says the same. */
    boolean sameAs(LocalDate otherDay, List<Item> otherItems) {
        return day.equals(otherDay) && items.equals(otherItems);
    }

    @Override
    public String id() {
        return id;
    }

    public String operator() {
        return operator;
    }

    public String batchId() {
        return batchId;
    }

    public LocalDate day() {
        return day;
    }

    public long total() {
        return total;
    }

    public List<Item> items() {
        return items;
    }

    public List<Discrepancy> discrepancies() {
        return discrepancies;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
