package vn.motcua.appointment.booking;

import vn.motcua.appointment.offices.Office;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Who may book at an office, for whom, and on which channel: a citizen for themself, a portal of
 * the office's province for a citizen id, an officer of the office's agency answering the hotline
 * for a caller's phone, a chat bot of the province for a phone number (never a citizen id, which
 * a chat cannot verify).
 */
final class Holders {
    private Holders() {
    }

    static BookingHolder of(Caller caller, Office office, String citizenId, String phone) {
        String number = ContactDetails.phone(phone);
        if (caller.has(Role.CITIZEN)) {
            if (citizenId != null && !citizenId.equals(caller.citizenId())) {
                throw ApiProblem.forbidden("A citizen books for themself only");
            }
            return new BookingHolder(caller.citizenId(), number, BookingChannel.PORTAL, caller.username());
        }
        if (caller.has(Role.PORTAL)) {
            if (!caller.representsAt(office.agency())) {
                throw ApiProblem.forbidden("Portal " + caller.clientId() + " does not act at " + office.agency());
            }
            return new BookingHolder(validCitizenId(citizenId), number, BookingChannel.PORTAL, caller.clientId());
        }
        if (caller.has(Role.CHATBOT)) {
            if (!caller.isChatBotAt(office.agency())) {
                throw ApiProblem.forbidden("Chat bot " + caller.clientId() + " does not serve " + office.agency());
            }
            if (citizenId != null) {
                throw ApiProblem.unprocessable("chat-bot-books-by-phone",
                        "A chat bot books for the chat user's phone number; a citizen id cannot be verified in a chat");
            }
            return new BookingHolder(null, required(number), BookingChannel.CHAT_BOT, caller.clientId());
        }
        if (caller.has(Role.OFFICER) && caller.worksFor(office.agency())) {
            return new BookingHolder(citizenId == null ? null : validCitizenId(citizenId), required(number),
                    BookingChannel.HOTLINE, caller.username());
        }
        throw ApiProblem.forbidden("Bookings at " + office.id() + " are made by citizens, portals and chat bots of its"
                + " province, and by its officers on the hotline");
    }

    private static String validCitizenId(String citizenId) {
        if (citizenId == null) {
            throw ApiProblem.badRequest("citizen-id-required", "Name the citizen the booking is for: citizenId, 12 digits");
        }
        return ContactDetails.citizenId(citizenId);
    }

    private static String required(String phone) {
        if (phone == null) {
            throw ApiProblem.badRequest("phone-required", "Give the phone number the booking is for (e.g. 0912345678)");
        }
        return phone;
    }
}
