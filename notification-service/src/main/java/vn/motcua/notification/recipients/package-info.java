/** How to reach each citizen: the addresses learnt from their dossiers, and the channels, order and opt-outs they chose. */
package vn.motcua.notification.recipients;
