package vn.motcua.events.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** Time to remind the citizen of their booking; raised once per booking and kind, whatever the instances. */
@EventContract(type = "AppointmentReminderDue", version = 1, topic = Topics.APPOINTMENT)
public record AppointmentReminderDue(
        String bookingCode,
        ReminderKind reminder,
        String officeId,
        String officeName,
        LocalDate date,
        LocalTime start,
        VisitPurpose purpose,
        String citizenId,
        String phone) implements Event {

    @Override
    public String subject() {
        return "booking-" + bookingCode;
    }
}
