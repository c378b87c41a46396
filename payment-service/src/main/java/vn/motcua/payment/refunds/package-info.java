/**
 * Refunds: of a paid dossier refused, withdrawn or stopped (asked by the closure feature), by a leader's decision, and of a
 * payment made twice or after its order was cancelled.
 */
package vn.motcua.payment.refunds;
