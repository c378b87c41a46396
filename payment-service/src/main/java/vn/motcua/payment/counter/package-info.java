/** Fees paid in cash at the agency's one-stop counter, recorded by its officer (ADR 0065). */
package vn.motcua.payment.counter;
