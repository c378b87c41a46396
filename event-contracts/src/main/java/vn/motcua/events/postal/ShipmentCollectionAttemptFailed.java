package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The postman came to collect the citizen's papers, a paper dossier or the originals of an online one, and could not this
 * time; he comes again. After the last attempt the post stops trying ({@link ShipmentCollectionAbandoned}; ADR 0084).
 *
 * @param dossierCode the online dossier the originals are for; null for a paper dossier, which has no code before the
 *     agency registers it
 * @param purpose {@code DOSSIER_PICKUP} or {@code PAPER_ORIGINALS}
 * @param attempt which attempt failed (1, 2, …)
 * @param attemptsAllowed how many attempts the operator's rule in force allows before the post stops (ADR 0086); null in
 *     records published before it was carried
 * @param reason the operator's words, e.g. "Không gặp người gửi"
 */
@EventContract(type = "ShipmentCollectionAttemptFailed", version = 1, topic = Topics.POSTAL)
public record ShipmentCollectionAttemptFailed(
        String shipmentId,
        String dossierCode,
        ShipmentPurpose purpose,
        String itemId,
        String ownerCitizenId,
        int attempt,
        Integer attemptsAllowed,
        String reason,
        Instant failedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : shipmentId;
    }
}
