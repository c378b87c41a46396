/** Benchmarks that print figures and assert nothing; not part of the test run ({@code ./motcua bench bookings}). */
package vn.motcua.appointment.benchmark;
