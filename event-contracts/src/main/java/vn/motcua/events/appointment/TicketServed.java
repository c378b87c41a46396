package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** The visitor was served at the counter and left the room. @param waitedSeconds from check-in to call */
@EventContract(type = "TicketServed", version = 1, topic = Topics.APPOINTMENT)
public record TicketServed(
        String ticketId,
        String officeId,
        LocalDate date,
        String ticketNumber,
        String counterId,
        String bookingCode,
        String servedBy,
        long waitedSeconds,
        Instant servedAt) implements Event {

    @Override
    public String subject() {
        return ticketId;
    }
}
