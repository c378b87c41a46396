/**
 * Officers' warnings (the directive's "smart reminders"): dossiers at risk and overdue, told to the
 * assigned specialist and the agency's one-stop officers — an immediate message for an overdue one,
 * one digest per officer each morning — with their addresses read from the realm.
 */
package vn.motcua.notification.warnings;
