package vn.motcua.kit.web;

import java.time.LocalDate;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A period of days that figures, registers and exports cover, checked the same in every service: it
 * runs forward, and its last day is at most {@value #MAX_DAYS} days after its first (a year, a leap
 * day included). A client gets one answer for one mistake, whichever service it asked.
 */
public final class Periods {
    public static final int MAX_DAYS = 366;

    private Periods() {
    }

    /** @throws ApiProblem 400 {@code period-invalid}, naming both days and the longest period */
    public static void check(LocalDate first, LocalDate last) {
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ApiProblem.badRequest("period-invalid", "A period runs forward from its first day and ends at most " + MAX_DAYS
                    + " days after it; " + first + " to " + last + " does not").with("from", first.toString())
                    .with("to", last.toString()).with("maxDays", MAX_DAYS);
        }
    }
}
