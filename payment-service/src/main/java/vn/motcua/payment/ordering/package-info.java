/** Payment orders for the stages of a dossier that owe money, opened from the fee lines the dossier service priced. */
package vn.motcua.payment.ordering;
