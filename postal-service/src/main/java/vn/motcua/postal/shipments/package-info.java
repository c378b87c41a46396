/** Shipments of dossiers and results by the public postal service, and what postal operators see of them. */
package vn.motcua.postal.shipments;
