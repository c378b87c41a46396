package vn.motcua.dossier.deadlines;

import java.time.LocalDate;
import java.util.List;

/** Finds the open dossiers a calendar correction concerns; the dossiers' storage answers it. */
@FunctionalInterface
public interface AffectedDossiers {
    /** Codes of dossiers whose clock runs and whose counting spans a day between {@code first} and {@code last}. */
    List<String> countingThrough(LocalDate first, LocalDate last);
}
