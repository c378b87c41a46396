/** Payment orders as the API answers them: the citizen's, the agency's, one order. */
package vn.motcua.payment.query;
