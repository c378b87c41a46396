/**
 * Citizens' feedback and petitions (phản ánh, kiến nghị) on a dossier or an agency, answered by
 * the agency within a time limit in working days; unanswered past it, flagged overdue.
 */
package vn.motcua.dossier.feedback;
