/**
 * Channel policies: which channels the counters take dossiers on, per province or agency, for a
 * dated period, with the notice they follow. Without one the decree's default holds: the
 * applicant chooses.
 */
package vn.motcua.dossier.channels;
