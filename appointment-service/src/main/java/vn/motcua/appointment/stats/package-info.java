/** Figures for leaders and ops: bookings by channel, no-shows, waits, peaks of the room and waiting area, walk-ins. */
package vn.motcua.appointment.stats;
