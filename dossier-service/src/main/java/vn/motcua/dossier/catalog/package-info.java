/** The catalog of administrative procedures and agencies, versioned; dossiers keep the version they were accepted under. */
package vn.motcua.dossier.catalog;
