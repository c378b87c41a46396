package vn.motcua.events.appointment;

/** Where a visitor went on checking in. */
public enum Admission {
    /** A seat in the waiting area, under its cap. */
    WAITING_AREA,
    /** The waiting area was full (or its places were held for bookings due now): told when it is their turn. */
    VIRTUAL_QUEUE
}
