/** Dossiers coming in: online by citizens and portals, on paper at the counter or by post, with their documents and national codes. */
package vn.motcua.dossier.intake;
