/**
 * Attempts whose pages closed unanswered are asked about once and lapse (ADR 0049); orders not
 * paid by their pay-by time expire, after the provider was asked about attempts still open.
 */
package vn.motcua.payment.expiry;
