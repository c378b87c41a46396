package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** The postman collected fees with a shipment (thu hộ); published once per shipment, however often the operator reports it. */
@EventContract(type = "CashCollected", version = 1, topic = Topics.POSTAL)
public record CashCollected(
        String shipmentId,
        String dossierCode,
        String operator,
        long amount,
        String receiptNumber,
        Instant collectedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
