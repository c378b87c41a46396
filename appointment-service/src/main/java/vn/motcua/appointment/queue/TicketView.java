package vn.motcua.appointment.queue;

import java.time.Instant;

/** A queue number as staff see it. */
public record TicketView(String number, String officeId, TicketStatus status, String bookingCode, String counterId,
        Instant checkedInAt, Instant calledAt) {

    static TicketView of(Ticket t) {
        return new TicketView(t.number(), t.officeId(), t.status(), t.bookingCode(), t.counterId(), t.checkedInAt(),
                t.calledAt());
    }
}
