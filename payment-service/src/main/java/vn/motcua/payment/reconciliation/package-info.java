/** Daily reconciliation of the provider's statement and the postal remittances against the platform's records. */
package vn.motcua.payment.reconciliation;
