package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A paper dossier going back to the citizen (ADR 0081) could not be delivered on any attempt and was brought back to the
 * agency: it waits at its one-stop counter, whose officer hands it over there ({@code POST /api/v1/shipments/{id}/hand-delivery}).
 */
@EventContract(type = "PaperDossierAwaitingCollection", version = 1, topic = Topics.POSTAL)
public record PaperDossierAwaitingCollection(
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
