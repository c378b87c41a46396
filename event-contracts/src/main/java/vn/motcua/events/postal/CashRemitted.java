package vn.motcua.events.postal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A postal operator paid over the cash it collected on delivery (its daily remittance batch),
 * reconciled against the collections it had reported: what matched and what did not.
 *
 * @param day the operator's business day the batch covers (Hà Nội time)
 * @param total the batch's total, in đồng
 * @param discrepancies items that do not match a reported collection (unknown shipment, no
 *     collection reported, another amount, remitted before); 0 when the batch reconciles
 */
@EventContract(type = "CashRemitted", version = 1, topic = Topics.POSTAL)
public record CashRemitted(
        String remittanceId,
        String operator,
        LocalDate day,
        long total,
        List<RemittedItem> items,
        int discrepancies,
        Instant receivedAt) implements Event {

    public CashRemitted {
        items = List.copyOf(items);
    }

    /**
     * @param dossierCode the dossier the cash belongs to, when the shipment is known
     * @param fees the part of the amount that is the dossier's fees, as collected (0: postage only); null when the
     *     collection is not known, and in records written before it, read as the whole amount
     */
    public record RemittedItem(String shipmentId, String dossierCode, long amount, String receiptNumber, Long fees) {
        public RemittedItem(String shipmentId, String dossierCode, long amount, String receiptNumber) {
            this(shipmentId, dossierCode, amount, receiptNumber, null);
        }

        /** Whether any of it is the dossier's fees rather than postage. */
        public boolean carriesFees() {
            return fees == null ? amount > 0 : fees > 0;
        }
    }

    @Override
    public String subject() {
        return remittanceId;
    }
}
