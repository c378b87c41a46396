package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Paper originals going back to the citizen (ADR 0077) could not be delivered on any attempt and were brought back to the
 * agency: they wait at its one-stop counter for the citizen, whose officer hands them over there
 * ({@code POST /api/v1/shipments/{id}/hand-delivery}).
 */
@EventContract(type = "OriginalsAwaitingCollection", version = 1, topic = Topics.POSTAL)
public record OriginalsAwaitingCollection(
        String shipmentId,
        String dossierCode,
        String ownerCitizenId,
        String agencyCode,
        int failedAttempts,
        String lastReason,
        Instant returnedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
