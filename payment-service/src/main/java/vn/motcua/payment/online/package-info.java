/** Paying online: the citizen's checkout, the provider's notifications and return, and applying what the provider says. */
package vn.motcua.payment.online;
