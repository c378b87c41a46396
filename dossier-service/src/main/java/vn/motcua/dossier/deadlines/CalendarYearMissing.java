package vn.motcua.dossier.deadlines;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** Deadline arithmetic reached a year the working calendar has no data for: ops must add it. */
public class CalendarYearMissing extends ApiProblem {
    public CalendarYearMissing(int year) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "calendar-year-missing", "Working calendar incomplete",
                "The working calendar has no days off for " + year
                        + "; deadlines cannot be computed until ops add that year to the calendar data");
        with("year", year);
    }
}
