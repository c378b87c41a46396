package vn.motcua.events.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A place in a slot was booked (times are Hà Nội local time).
 *
 * @param procedureCode the procedure of a hand-in or guidance visit, else null
 * @param dossierCode the dossier whose result is collected, else null
 * @param citizenId who the booking is for, when known (null for a caller or chat user known by phone only)
 * @param bookedBy the officer or client that made it
 */
@EventContract(type = "AppointmentBooked", version = 1, topic = Topics.APPOINTMENT)
public record AppointmentBooked(
        String bookingCode,
        String officeId,
        String agencyCode,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        VisitPurpose purpose,
        String procedureCode,
        String dossierCode,
        String citizenId,
        String phone,
        BookingChannel channel,
        String bookedBy,
        Instant bookedAt) implements Event {

    @Override
    public String subject() {
        return "booking-" + bookingCode;
    }
}
