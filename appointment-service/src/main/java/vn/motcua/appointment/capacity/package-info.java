/**
 * How many people an office may hold and book: room limits with their validity windows and
 * sources, the officers on duty per day, and the places of a slot derived from both.
 */
package vn.motcua.appointment.capacity;
