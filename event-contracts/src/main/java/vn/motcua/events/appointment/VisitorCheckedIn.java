package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A visitor took a queue number at the office: a booked citizen checking in with their code, or
 * a walk-in (bookingCode null).
 */
@EventContract(type = "VisitorCheckedIn", version = 1, topic = Topics.APPOINTMENT)
public record VisitorCheckedIn(
        String ticketId,
        String officeId,
        LocalDate date,
        String ticketNumber,
        String bookingCode,
        String citizenId,
        String phone,
        Admission admission,
        Instant checkedInAt) implements Event {

    @Override
    public String subject() {
        return ticketId;
    }
}
