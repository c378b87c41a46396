package vn.motcua.postal.remittances;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.shipments.Shipment;
import vn.motcua.postal.shipments.ShipmentRepository;

/**
 * Takes an operator's remittance batch once and reconciles each item against the collection the
 * operator reported on that shipment; the reconciled batch goes to the payment service as
 * {@code CashRemitted}.
 */
@Service
public class Remittances {
    private final RemittanceRepository remittances;
    private final ShipmentRepository shipments;
    private final AggregateStore store;
    private final Clock clock;

    Remittances(RemittanceRepository remittances, ShipmentRepository shipments, AggregateStore store, Clock clock) {
        this.remittances = remittances;
        this.shipments = shipments;
        this.store = store;
        this.clock = clock;
    }

    /** @return the batch as reconciled, and whether this call recorded it (false: it had been sent before) */
    Received receive(String operator, String batchId, LocalDate day, List<Remittance.Item> items) {
        Optional<Remittance> before = remittances.findById(Remittance.idOf(operator, batchId));
        if (before.isPresent()) {
            return sentAgain(before.get(), day, items);
        }
        Map<String, Shipment> known = shipments.findAllById(items.stream().map(Remittance.Item::shipmentId).toList()).stream()
                .filter(s -> s.operator().equals(operator)).collect(Collectors.toMap(Shipment::id, Function.identity()));
        Map<String, String> remittedBefore = new HashMap<>();
        for (Remittance earlier : remittances.findByItemsShipmentIdIn(known.keySet())) {
            earlier.items().forEach(item -> remittedBefore.put(item.shipmentId(), earlier.batchId()));
        }
        List<Remittance.Discrepancy> discrepancies = new ArrayList<>();
        for (Remittance.Item item : items) {
            Shipment shipment = known.get(item.shipmentId());
            if (shipment == null) {
                discrepancies.add(new Remittance.Discrepancy(item.shipmentId(), "unknown-shipment", null, item.amount()));
            } else if (shipment.collectedAmount() == null) {
                discrepancies.add(new Remittance.Discrepancy(item.shipmentId(), "cash-not-reported", null, item.amount()));
            } else if (shipment.collectedAmount() != item.amount()) {
                discrepancies.add(new Remittance.Discrepancy(item.shipmentId(), "amount-differs", shipment.collectedAmount(),
                        item.amount()));
            } else if (remittedBefore.containsKey(item.shipmentId())) {
                discrepancies.add(new Remittance.Discrepancy(item.shipmentId(), "remitted-before", shipment.collectedAmount(),
                        item.amount()));
            }
        }
        Changed<Remittance> received = Remittance.received(operator, batchId, day, items, discrepancies, known, clock.instant());
        if (!store.insertOnce(received)) {
            // Another request with the same batch won the insert.
            return sentAgain(remittances.findById(Remittance.idOf(operator, batchId)).orElseThrow(), day, items);
        }
        return new Received(received.aggregate(), true);
    }

    private static Received sentAgain(Remittance before, LocalDate day, List<Remittance.Item> items) {
        if (!before.sameAs(day, items)) {
            throw ApiProblem.conflict("batch-differs", "Batch " + before.batchId() + " was received on " + before.receivedAt()
                    + " with other items; send a correction under a new batch id");
        }
        return new Received(before, false);
    }

    record Received(Remittance remittance, boolean recorded) {
    }
}
