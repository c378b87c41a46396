package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** A booking moved to another slot of the same office; the old place was freed. */
@EventContract(type = "AppointmentRescheduled", version = 1, topic = Topics.APPOINTMENT)
public record AppointmentRescheduled(
        String bookingCode,
        String officeId,
        LocalDate previousDate,
        LocalTime previousStart,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        String citizenId,
        String phone,
        Instant rescheduledAt) implements Event {

    @Override
    public String subject() {
        return "booking-" + bookingCode;
    }
}
