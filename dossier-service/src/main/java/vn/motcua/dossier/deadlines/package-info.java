/** Working days and due dates: the calendar of days off and worked weekends, the afternoon cut-off, at-risk and overdue. */
package vn.motcua.dossier.deadlines;
