package vn.motcua.events.appointment;

/** Which reminder of a booking fell due. */
public enum ReminderKind {
    DAY_BEFORE, HOUR_BEFORE
}
