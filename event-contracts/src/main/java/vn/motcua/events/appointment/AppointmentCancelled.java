package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** A booking was cancelled and its place freed. @param reason free text, e.g. "cancelled by the citizen" */
@EventContract(type = "AppointmentCancelled", version = 1, topic = Topics.APPOINTMENT)
public record AppointmentCancelled(
        String bookingCode,
        String officeId,
        LocalDate date,
        LocalTime start,
        String citizenId,
        String phone,
        String reason,
        Instant cancelledAt) implements Event {

    @Override
    public String subject() {
        return "booking-" + bookingCode;
    }
}
