/** The steps people take on a received dossier, who may take each, and what other services' events do to it; the deadline watch. */
package vn.motcua.dossier.processing;
