/**
 * Bookings of a place in a slot: what may be booked on which channel, the places of each slot
 * and each citizen's or phone number's share of them, cancelling and rescheduling, reminders,
 * and the links to the dossiers a booking is for.
 */
package vn.motcua.appointment.booking;
