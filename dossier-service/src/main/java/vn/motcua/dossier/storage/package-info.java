/** How dossiers are kept in MongoDB: the repository, the indexes the queries rely on, date mapping. */
package vn.motcua.dossier.storage;
