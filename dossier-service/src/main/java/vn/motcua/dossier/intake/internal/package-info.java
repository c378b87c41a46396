/** Intake's own machinery: national dossier codes, stored documents, file type sniffing and the post's arrivals. Other features use DocumentStore instead. */
package vn.motcua.dossier.intake.internal;
