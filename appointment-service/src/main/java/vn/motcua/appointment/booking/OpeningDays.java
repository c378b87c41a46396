package vn.motcua.appointment.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.reference.WorkingDays;

/**
 * The slots an office opens on a day: its hours on the national working calendar, plus the
 * Saturday mornings an office keeps by its own hours unless the day is a public day off.
 */
@Component
class OpeningDays {
    private final WorkingDays workingDays;

    OpeningDays(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** @param calendarKnown false when the calendar of the day's year has not been published: nothing can be booked */
    record OpenDay(LocalDate date, boolean calendarKnown, List<Office.Slot> slots) {
        boolean open() {
            return !slots.isEmpty();
        }
    }

    OpenDay of(Office office, LocalDate date) {
        WorkingDays.Day day = workingDays.day(date);
        if (!day.known()) {
            return new OpenDay(date, false, List.of());
        }
        if (day.working()) {
            return new OpenDay(date, true, office.slotsOn(date, day.weekendWorked()));
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new OpenDay(date, true, weekend && !day.publicDayOff() ? office.slotsOn(date, false) : List.of());
    }
}
