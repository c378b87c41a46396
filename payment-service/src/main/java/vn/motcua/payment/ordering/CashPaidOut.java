package vn.motcua.payment.ordering;

import java.time.Instant;

/**
 * Cash the agency owed the citizen, handed over at its one-stop counter (ADR 0070): by which officer and when, so the
 * drawer is counted out the day the money leaves it.
 */
public record CashPaidOut(String officer, Instant at) {
}
