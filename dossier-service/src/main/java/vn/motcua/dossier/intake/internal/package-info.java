/** Intake's own machinery: national dossier codes, stored documents and file type sniffing. Other features use DocumentStore instead. */
package vn.motcua.dossier.intake.internal;
