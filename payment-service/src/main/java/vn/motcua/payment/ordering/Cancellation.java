package vn.motcua.payment.ordering;

import java.time.Instant;

/**
 * Why and when an unpaid order stopped being owed (ADR 0072).
 *
 * @param reason why its dossier closed, as the citizen was told
 */
public record Cancellation(String reason, Instant at) {
}
