package vn.motcua.appointment.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.events.appointment.VisitPurpose;

/**
 * A request for a place.
 *
 * @param citizenId who it is for: required from a portal, optional for the hotline, refused from a chat bot
 * @param phone the caller's or chat user's number (required from the hotline and chat bots)
 */
public record BookingRequest(String officeId, LocalDate date, LocalTime start, VisitPurpose purpose,
        String procedureCode, String dossierCode, String citizenId, String phone) {
}
