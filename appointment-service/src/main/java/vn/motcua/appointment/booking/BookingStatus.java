package vn.motcua.appointment.booking;

/** Where a booking stands; only a CONFIRMED booking holds a place and counts toward its holder's caps. */
public enum BookingStatus {
    CONFIRMED,
    /** The citizen came and took a queue number. */
    CHECKED_IN,
    /** The dossier it was for was registered, or its result returned, at the counter. */
    USED,
    CANCELLED,
    NO_SHOW
}
