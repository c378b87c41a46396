package vn.motcua.events.dossier;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency's staff showed one of its internal files to the applicant (an appraisal, a report), or added a file for them
 * while the agency works on the dossier: the applicant reads it among the dossier's files from now on.
 *
 * @param documentId the file's id, which the dossier's documents endpoint downloads
 * @param kind what the file is, as staff filed it
 */
@EventContract(type = "DossierDocumentShared", version = 1, topic = Topics.DOSSIER)
public record DossierDocumentShared(
        DossierSnapshot dossier,
        String documentId,
        String kind,
        String fileName,
        Instant sharedAt) implements Event {

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
