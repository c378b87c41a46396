package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency received the online dossier, and the catalog says it keeps in its file the paper originals the post collected
 * for it (ADR 0080): they do not come back with the result. Should the dossier be refused, withdrawn or stopped, they still
 * go back (ADR 0077). Told to the citizen so nobody waits for papers that stay (ADR 0085).
 *
 * @param shipmentId the originals' own shipment
 */
@EventContract(type = "OriginalsKeptOnFile", version = 1, topic = Topics.POSTAL)
public record OriginalsKeptOnFile(
        String shipmentId,
        String dossierCode,
        String agencyCode,
        String procedureCode,
        String ownerCitizenId,
        Instant keptAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
