package vn.motcua.dossier.core;

import java.time.Instant;
import java.time.LocalDate;

/** A delay the agency recorded and apologised for (form 04). */
public record Delay(LocalDate previousDueDate, LocalDate newDueDate, String reason, String recordedBy,
        Instant recordedAt) {
}
