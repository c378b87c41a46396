/** Processing's reactions to other services' events. */
package vn.motcua.dossier.processing.internal;
