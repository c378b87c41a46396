/** Payment figures and the share of dossiers paid online. */
package vn.motcua.payment.stats;
