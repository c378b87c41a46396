/** Online demand per agency: dossiers that came online instead of to the counter. */
package vn.motcua.appointment.demand;
