package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postman collected cash with a shipment (thu hộ); published once per shipment, however often the operator reports it.
 *
 * @param amount all the postman collected: the dossier's fees and the postage the citizen pays
 * @param fees the part of it that is the dossier's fees, the rest being postage (0 when the fees were paid otherwise
 *     before the item was delivered); null in records written before it, read as the whole amount
 */
@EventContract(type = "CashCollected", version = 1, topic = Topics.POSTAL)
public record CashCollected(
        String shipmentId,
        String dossierCode,
        String operator,
        long amount,
        String receiptNumber,
        Instant collectedAt,
        Long fees) implements Event {

    public CashCollected(String shipmentId, String dossierCode, String operator, long amount, String receiptNumber, Instant collectedAt) {
        this(shipmentId, dossierCode, operator, amount, receiptNumber, collectedAt, null);
    }

    /** The dossier's fees among what was collected. */
    public long feesCollected() {
        return fees == null ? amount : fees;
    }

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
