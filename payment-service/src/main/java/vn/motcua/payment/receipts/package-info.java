/** E-receipts: numbered without gaps per agency and year, printed as PDF in Vietnamese. */
package vn.motcua.payment.receipts;
