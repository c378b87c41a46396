package vn.motcua.appointment.booking;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.VisitPurpose;

/** A booking as the API shows it; {@code code} is what the citizen shows (or scans as a QR code) at check-in. */
public record BookingView(String code, String officeId, String officeName, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start,
        @JsonFormat(pattern = "HH:mm") LocalTime end,
        VisitPurpose purpose, String procedureCode, String dossierCode, String citizenId, String phone,
        BookingChannel channel, String bookedBy, BookingStatus status, String ticketId, Instant bookedAt) {

    static BookingView of(Booking b) {
        return new BookingView(b.code(), b.officeId(), b.officeName(), b.date(), b.start(), b.end(), b.purpose(),
                b.procedureCode(), b.dossierCode(), b.citizenId(), b.phone(), b.channel(), b.bookedBy(), b.status(),
                b.ticketId(), b.bookedAt());
    }
}
