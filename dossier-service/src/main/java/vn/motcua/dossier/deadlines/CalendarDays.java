package vn.motcua.dossier.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The days of one year that break the Monday-to-Friday rule: weekdays off and weekend days worked.
 * Anything that cannot be meant is refused, so a typo never moves a due date.
 */
public record CalendarDays(int year, List<LocalDate> daysOff, List<LocalDate> workingWeekendDays) {

    public CalendarDays {
        daysOff = List.copyOf(new TreeSet<>(daysOff == null ? List.of() : daysOff));
        workingWeekendDays = List.copyOf(new TreeSet<>(workingWeekendDays == null ? List.of() : workingWeekendDays));
    }

    /** @throws ApiProblem 422 naming the first impossible day */
    public static CalendarDays validated(int year, List<LocalDate> daysOff, List<LocalDate> workingWeekendDays) {
        if (daysOff == null || workingWeekendDays == null) {
            throw ApiProblem.badRequest("calendar-days-missing", "Send daysOff and workingWeekendDays (an empty list when none)");
        }
        requireNoRepeats(daysOff, "daysOff");
        requireNoRepeats(workingWeekendDays, "workingWeekendDays");
        for (LocalDate day : daysOff) {
            requireInYear(day, year);
            if (isWeekend(day)) {
                throw impossible("day-off-on-weekend", day, day + " is a " + day.getDayOfWeek()
                        + ", no working day anyway; a holiday falling on a weekend is compensated by a weekday: list that one");
            }
        }
        for (LocalDate day : workingWeekendDays) {
            requireInYear(day, year);
            if (!isWeekend(day)) {
                throw impossible("worked-day-not-on-weekend", day, day + " is a " + day.getDayOfWeek()
                        + ", a working day anyway; workingWeekendDays are Saturdays or Sundays worked for a bridge day");
            }
        }
        return new CalendarDays(year, daysOff, workingWeekendDays);
    }

    WorkingCalendar.Year toYear() {
        return new WorkingCalendar.Year(Set.copyOf(daysOff), Set.copyOf(workingWeekendDays));
    }

    /** The days whose status (working or not) differs between the two versions, in order. */
    public List<LocalDate> changedFrom(CalendarDays earlier) {
        TreeSet<LocalDate> changed = new TreeSet<>();
        symmetricDifference(daysOff, earlier.daysOff, changed);
        symmetricDifference(workingWeekendDays, earlier.workingWeekendDays, changed);
        return List.copyOf(changed);
    }

    private static void symmetricDifference(List<LocalDate> a, List<LocalDate> b, Set<LocalDate> into) {
        a.stream().filter(day -> !b.contains(day)).forEach(into::add);
        b.stream().filter(day -> !a.contains(day)).forEach(into::add);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void requireInYear(LocalDate day, int year) {
        if (day.getYear() != year) {
            throw impossible("day-outside-year", day, day + " is not in " + year);
        }
    }

    private static void requireNoRepeats(List<LocalDate> days, String list) {
        if (days.stream().anyMatch(Objects::isNull)) {
            throw ApiProblem.unprocessable("calendar-day-missing", list + " contains an empty date").with("list", list);
        }
        if (new TreeSet<>(days).size() != days.size()) {
            throw ApiProblem.unprocessable("calendar-day-repeated", list + " lists a day twice").with("list", list);
        }
    }

    private static ApiProblem impossible(String type, LocalDate day, String detail) {
        return ApiProblem.unprocessable(type, detail).with("day", day.toString());
    }
}
