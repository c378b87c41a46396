/** Following dossiers: a citizen's own, one dossier with its history, the officers' work queue, the public status look-up. */
package vn.motcua.dossier.tracking;
