/** One-stop offices: their counters, what each serves, opening hours and the size of their rooms. */
package vn.motcua.appointment.offices;
