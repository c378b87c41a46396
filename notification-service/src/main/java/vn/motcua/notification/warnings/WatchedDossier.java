package vn.motcua.notification.warnings;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dossier in processing as the warnings see it: its agency, who it is assigned to, and whether it
 * is at risk or overdue (then it is in the morning's digests until it leaves processing).
 *
 * @param flag AT_RISK or OVERDUE, or null while on track
 */
@Document(WatchedDossier.COLLECTION)
public record WatchedDossier(@Id String dossierCode, @Indexed String agencyCode, String assignee, String flag, LocalDate dueDate,
        Instant flaggedAt) {
    public static final String COLLECTION = "watched_dossiers";
}
