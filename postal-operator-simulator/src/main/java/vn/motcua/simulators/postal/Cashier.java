package vn.motcua.simulators.postal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays over the cash the postmen collected, in batches (a real operator sends one a day; the
 * simulator as often as it is told). A batch the platform could not take is sent again as it was,
 * under the same batch id, so it is never counted twice.
 */
final class Cashier {
    private static final Logger log = LoggerFactory.getLogger(Cashier.class);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String operator;
    private final OperatorApi api;
    private final ConcurrentLinkedQueue<Remittance.Item> collected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private Remittance unsent;

    Cashier(String operator, OperatorApi api) {
        this.operator = operator;
        this.api = api;
    }

    void collected(Remittance.Item item) {
        collected.add(item);
    }

    /** Sends the batch not yet taken, or a new one of what was collected since; nothing when there is nothing. */
    synchronized void remit() {
        if (unsent == null) {
            List<Remittance.Item> items = new ArrayList<>();
            for (Remittance.Item item = collected.poll(); item != null; item = collected.poll()) {
                items.add(item);
            }
            if (items.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(HANOI);
            unsent = Remittance.of(operator + "-" + today + "-" + System.currentTimeMillis() + "-" + sequence.incrementAndGet(),
                    today, items);
        }
        try {
            int status = api.remit(unsent);
            if (status >= 500 || status == 429) {
                log.warn("Remittance {} answered {}; sent again next time", unsent.batchId(), status);
                return;
            }
            if (status >= 400) {
                log.error("Remittance {} refused with {}; left for a person", unsent.batchId(), status);
            } else {
                log.info("Remitted {} đồng for {} collection(s) in {}", unsent.total(), unsent.items().size(), unsent.batchId());
            }
            unsent = null;
        } catch (IOException e) {
            log.warn("Remittance {} not sent ({}); sent again next time", unsent.batchId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
