/** A citizen's payment orders, as the API answers them. */
package vn.motcua.payment.query;
