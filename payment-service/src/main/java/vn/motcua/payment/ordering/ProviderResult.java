package vn.motcua.payment.ordering;

import java.time.Instant;

/**
 * What the payment provider says became of an attempt, from a callback whose signature was
 * checked or from its query API.
 *
 * @param amount in đồng (the provider's amount ÷ 100)
 * @param code the provider's response code (00 success)
 */
public record ProviderResult(String reference, long amount, boolean succeeded, String code, String transactionNo, Instant paidAt) {
}
