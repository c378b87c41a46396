/** Refunds: when a paid dossier is refused, withdrawn or stopped, by a leader's decision, and of a payment made twice. */
package vn.motcua.payment.refunds;
