/** Operators' remittance batches of the cash collected on delivery, reconciled against the collections they reported. */
package vn.motcua.postal.remittances;
