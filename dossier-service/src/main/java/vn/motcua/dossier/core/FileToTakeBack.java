package vn.motcua.dossier.core;

import java.time.Instant;

/**
 * A file its uploader asks to take back, as the dossier judges the request (ADR 0041, ADR 0048).
 *
 * @param byStaff uploaded by an officer or specialist of the agency, who may take their own files back while the agency
 *     holds the dossier, not only before it has looked at them
 * @param anotherOfKindStays another file of the same kind stays in the dossier: a kind a decision counted keeps a file
 */
public record FileToTakeBack(String id, String kind, String fileName, Instant uploadedAt, boolean byStaff,
        boolean anotherOfKindStays) {

    String described() {
        return "\"" + kind + "\" (" + fileName + ") [" + id + "]";
    }
}
