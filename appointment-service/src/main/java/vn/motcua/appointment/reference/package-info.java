/**
 * What the appointment service knows of the dossier service, learnt from its events into local
 * read models so that no booking waits on a call: the working calendar, the catalog, the channel
 * policies, and the results waiting at a counter.
 */
package vn.motcua.appointment.reference;
