package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Nobody came: a called number not answered within the grace period (ticketNumber set), or a
 * booking whose slot and grace period passed without a check-in (ticketNumber null).
 */
@EventContract(type = "VisitorNoShow", version = 1, topic = Topics.APPOINTMENT)
public record VisitorNoShow(
        String officeId,
        LocalDate date,
        String bookingCode,
        String ticketNumber,
        String citizenId,
        String phone,
        Instant recordedAt) implements Event {

    @Override
    public String subject() {
        return bookingCode != null ? "booking-" + bookingCode : officeId + "|" + date + "|" + ticketNumber;
    }
}
