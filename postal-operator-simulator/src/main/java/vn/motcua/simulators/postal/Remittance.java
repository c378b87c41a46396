package vn.motcua.simulators.postal;

import java.time.LocalDate;
import java.util.List;

/** A remittance batch as the operator API takes it: the cash collected since the last batch, paid over. */
record Remittance(String batchId, LocalDate day, long total, List<Item> items) {

    record Item(String shipmentId, String itemId, long amount, String receiptNumber) {
    }

    static Remittance of(String batchId, LocalDate day, List<Item> items) {
        return new Remittance(batchId, day, items.stream().mapToLong(Item::amount).sum(), List.copyOf(items));
    }
}
