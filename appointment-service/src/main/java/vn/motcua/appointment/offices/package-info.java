/** One-stop offices with their opening hours and room limits. */
package vn.motcua.appointment.offices;
