/** Payment orders for the stages of a dossier that owe money, opened from the dossier events. */
package vn.motcua.payment.ordering;
