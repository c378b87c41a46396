package vn.motcua.dossier.core;

import java.time.Instant;
import java.util.List;

/** What the agency asked the applicant to add (form 02). */
public record SupplementRequest(String reason, List<String> documents, String requestedBy, Instant requestedAt) {
    public SupplementRequest {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
