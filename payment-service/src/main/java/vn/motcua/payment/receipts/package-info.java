/**
 * Proofs of money on paper: e-receipts, numbered without gaps per agency and year, and the vouchers of cash handed back at
 * the counter; printed as PDF in Vietnamese.
 */
package vn.motcua.payment.receipts;
