/** Orders not paid by their pay-by time expire, after the provider was asked about attempts still open. */
package vn.motcua.payment.expiry;
