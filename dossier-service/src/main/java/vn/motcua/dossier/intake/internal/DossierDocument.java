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
 * @param removedAt when its uploader took it back: from then on it is no longer the dossier's, and its content is erased
 *     once the dossier's history records the removal
 */
@Document("dossier_documents")
public record DossierDocument(@Id String id, String dossierCode, String kind, String fileName, String contentType,
        long size, String sha256, String uploadedBy, Instant uploadedAt, byte[] content, Instant removedAt, String removedBy) {

    /** @param removable whether the caller reading it may take it back now */
    public DocumentInfo info(boolean removable) {
        return new DocumentInfo(id, kind, fileName, contentType, size, sha256, uploadedAt, removable);
    }

    /**
     * @param removable whether the caller may take the file back now: they uploaded it, and the agency has not looked at it
     *     yet (or they are its staff, and holding the dossier)
     */
    public record DocumentInfo(String id, String kind, String fileName, String contentType, long size, String sha256,
            Instant uploadedAt, boolean removable) {
    }
}
