/**
 * Attempts whose pages closed unanswered are asked about once and lapse (ADR 0049); citizens are
 * reminded of a fee unpaid as its pay-by time nears (ADR 0076); orders not paid by their pay-by time
 * expire, after the provider was asked about attempts still open.
 */
package vn.motcua.payment.expiry;
