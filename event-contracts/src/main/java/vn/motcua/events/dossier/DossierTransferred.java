package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * An open dossier moved from a dissolved agency to its successor (the 2025 reform of local
 * government); its history, due date and status are unchanged. The snapshot names the successor.
 *
 * @param toAgencyName the successor's name, which its citizen is told (ADR 0089); null in events
 *     published before 2026-12-07
 */
@EventContract(type = "DossierTransferred", version = 1, topic = Topics.DOSSIER)
public record DossierTransferred(
        DossierSnapshot dossier,
        String fromAgencyCode,
        Instant transferredAt,
        String toAgencyName) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
