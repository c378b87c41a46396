/**
 * The day at the office: check-in by booking code and walk-ins, queue numbers per counter group,
 * the two live counters of people in the waiting area and in the one-stop room that can never
 * pass their caps, calling, serving and no-shows, and the waiting-room screen.
 */
package vn.motcua.appointment.queue;
