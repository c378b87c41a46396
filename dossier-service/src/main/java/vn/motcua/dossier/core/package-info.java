/** The dossier aggregate: national statuses, legal transitions, deadlines paused and resumed, the chained history. No storage or security here. */
package vn.motcua.dossier.core;
