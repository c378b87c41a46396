package vn.motcua.dossier.core;

import java.time.Instant;
import java.util.List;

/**
 * What the agency asked the applicant to add (form 02).
 *
 * @param atReception asked by the one-stop officer before receiving the dossier (no deadline runs yet),
 *     rather than by the specialist during processing (the deadline pauses)
 */
public record SupplementRequest(String reason, List<String> documents, String requestedBy, Instant requestedAt,
        boolean atReception) {
    public SupplementRequest {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
