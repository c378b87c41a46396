/** Fees paid to the postman: settled from the operator's cash-collected report, matched against its remittance. */
package vn.motcua.payment.cod;
