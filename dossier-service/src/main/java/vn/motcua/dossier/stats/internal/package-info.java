/** The reporting projection the statistics read: kept from the dossier service's own events. */
package vn.motcua.dossier.stats.internal;
