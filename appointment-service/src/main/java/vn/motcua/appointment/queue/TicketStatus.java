package vn.motcua.appointment.queue;

/** Where a queue number stands. */
public enum TicketStatus {
    /** Waiting outside the office for a seat in the waiting area; told when it is theirs. */
    VIRTUAL,
    /** Seated in the waiting area. */
    WAITING,
    /** Called to a counter: in the one-stop room. */
    CALLED,
    SERVED,
    NO_SHOW,
    /** Gave up before being called. */
    LEFT
}
