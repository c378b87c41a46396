package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** An officer called a queue number to a counter; the visitor entered the one-stop room. */
@EventContract(type = "TicketCalled", version = 1, topic = Topics.APPOINTMENT)
public record TicketCalled(
        String ticketId,
        String officeId,
        LocalDate date,
        String ticketNumber,
        String counterId,
        String bookingCode,
        String citizenId,
        String phone,
        Instant calledAt) implements Event {

    @Override
    public String subject() {
        return ticketId;
    }
}
