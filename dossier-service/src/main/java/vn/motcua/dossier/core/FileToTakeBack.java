package vn.motcua.dossier.core;

import java.time.Instant;

/**
 * A file its uploader asks to take back, as the dossier judges the request (ADR 0041, ADR 0048).
 *
 * @param byStaff uploaded by an officer or specialist of the agency, who may take their own files back while the agency
 *     holds the dossier, not only before it has looked at them
 * @param internal a working file of the agency's (ADR 0050): no decision counted it, and the applicant, who reads the
 *     history, is not told its kind or name
 * @param anotherOfKindStays another of the dossier's papers of the same kind stays: a kind a decision counted keeps a file
 */
public record FileToTakeBack(String id, String kind, String fileName, Instant uploadedAt, boolean byStaff, boolean internal,
        boolean anotherOfKindStays) {

    String described() {
        return internal ? "an internal file [" + id + "]" : "\"" + kind + "\" (" + fileName + ") [" + id + "]";
    }
}
