package vn.motcua.events.appointment;

/** Where a booking was made: the information channels the 2020 directive asks offices to open. */
public enum BookingChannel {
    /** The citizen on a provincial portal or app, with their own token or through the portal's client. */
    PORTAL,
    /** An officer answering the office's hotline, booking for the caller's phone number. */
    HOTLINE,
    /** A social-network chat bot (e.g. a Zalo Official Account), booking for a phone number. */
    CHAT_BOT
}
