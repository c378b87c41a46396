package vn.motcua.dossier.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Working days of state agencies: Monday to Friday, minus the year's days off, plus the
 * weekend days worked to make up a bridge. The days change every year, so they are data; a
 * date in a year the data does not cover is an error, never a guess.
 */
public class WorkingCalendar {
    private final Map<Integer, Year> years;

    record Year(Set<LocalDate> daysOff, Set<LocalDate> workingWeekendDays) {
        Year {
            daysOff = daysOff == null ? Set.of() : Set.copyOf(daysOff);
            workingWeekendDays = workingWeekendDays == null ? Set.of() : Set.copyOf(workingWeekendDays);
        }
    }

    WorkingCalendar(Map<Integer, Year> years) {
        this.years = Map.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        if (year == null) {
            throw new CalendarYearMissing(day.getYear());
        }
        if (year.workingWeekendDays().contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !year.daysOff().contains(day);
    }

    /** The day itself when it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The {@code n}-th working day after {@code day} ({@code day} itself for n = 0). */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate candidate = day;
        for (int counted = 0; counted < n; ) {
            candidate = candidate.plusDays(1);
            if (isWorkingDay(candidate)) {
                counted++;
            }
        }
        return candidate;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public Set<Integer> years() {
        return years.keySet();
    }
}
