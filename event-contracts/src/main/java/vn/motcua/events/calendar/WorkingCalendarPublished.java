package vn.motcua.events.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Ops published a calendar year (or a correction of it): the whole year as it now stands, so a
 * service keeping working days as a read model replaces its copy of that year with this one.
 * Versions of a year only grow; a consumer ignores a version lower than the one it holds.
 *
 * @param daysOff weekdays on which state agencies do not work (holidays, bridge and compensatory days)
 * @param workingWeekendDays Saturdays or Sundays worked in exchange for a bridge day
 * @param provisional true for a projection not yet confirmed by an official notice
 * @param sourceDocument number of the notice the year follows, e.g. "12729/VPCP-KGVX"
 * @param sourceDate date of that notice
 */
@EventContract(type = "WorkingCalendarPublished", version = 1, topic = Topics.DOSSIER)
public record WorkingCalendarPublished(
        int year,
        int calendarVersion,
        List<LocalDate> daysOff,
        List<LocalDate> workingWeekendDays,
        boolean provisional,
        String sourceDocument,
        LocalDate sourceDate,
        Instant publishedAt) implements Event {

    public WorkingCalendarPublished {
        daysOff = List.copyOf(daysOff);
        workingWeekendDays = List.copyOf(workingWeekendDays);
    }

    @Override
    public String subject() {
        return "calendar-" + year;
    }
}
