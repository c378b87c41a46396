/**
 * Cash at the agency's one-stop counter: fees paid there, and money handed back there, each recorded by its officer (ADR
 * 0065, 0070).
 */
package vn.motcua.payment.counter;
