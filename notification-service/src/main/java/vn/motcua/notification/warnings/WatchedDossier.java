package vn.motcua.notification.warnings;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dossier in processing as the warnings see it: its agency, who it is assigned to, whether it is at risk or overdue
 * (then it is in the morning's digests until it leaves processing), and whether its draft result awaits a leader's
 * decision (then it is in the agency's leaders' digest until one approves it or sends it back).
 *
 * @param flag AT_RISK or OVERDUE, or null while on track
 * @param approvalRequestedAt when the draft awaiting a decision was submitted, or null
 */
@Document(WatchedDossier.COLLECTION)
public record WatchedDossier(@Id String dossierCode, @Indexed String agencyCode, String assignee, String flag, LocalDate dueDate,
        Instant flaggedAt, Instant approvalRequestedAt) {
    public static final String COLLECTION = "watched_dossiers";
}
