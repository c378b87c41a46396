/** A dossier closed before its end: its unpaid fees are cancelled and the refundable ones it paid go back (ADR 0072). */
package vn.motcua.payment.closure;
