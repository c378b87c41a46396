package vn.motcua.dossier.intake.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A file attached to a dossier, stored with its content (files are capped well below MongoDB's
 * 16 MB document limit).
 *
 * @param kind which required document this is, as the catalog names it, or another label
 * @param contentType the type found in the content, not the one the uploader claimed
 * @param internal a working file of the agency's staff (a note, an appraisal, a draft) that the applicant's side never
 *     reads and no decision counts as one of the dossier's papers (ADR 0050); absent on files stored before, which are not
 * @param removedAt when a removal by its uploader hid it; the file is no longer the dossier's once the dossier's history
 *     records the removal (ADR 0053), and its content is erased then
 */
@Document("dossier_documents")
public record DossierDocument(@Id String id, String dossierCode, String kind, String fileName, String contentType,
        long size, String sha256, String uploadedBy, Instant uploadedAt, Boolean internal, byte[] content, Instant removedAt,
        String removedBy) {

    public boolean isInternal() {
        return Boolean.TRUE.equals(internal);
    }

    /** The same file shown to the applicant: no longer internal (ADR 0051). */
    public DossierDocument shown() {
        return new DossierDocument(id, dossierCode, kind, fileName, contentType, size, sha256, uploadedBy, uploadedAt, null,
                content, removedAt, removedBy);
    }

    /** @param removable whether the caller reading it may take it back now */
    public DocumentInfo info(boolean removable) {
        return new DocumentInfo(id, kind, fileName, contentType, size, sha256, uploadedAt, isInternal(), removable);
    }

    /**
     * @param internal the agency's working file, listed to its staff only
     * @param removable whether the caller may take the file back now: they uploaded it, and the agency has not looked at it
     *     yet (or they are its staff, and holding the dossier)
     */
    public record DocumentInfo(String id, String kind, String fileName, String contentType, long size, String sha256,
            Instant uploadedAt, boolean internal, boolean removable) {
    }
}
