package vn.motcua.payment.ordering;

/**
 * Where a payment order stands. PLANNED: priced at submission for a later stage (supplement,
 * result) and not due yet; REQUESTED: due, may be paid; COMPLETED: paid; EXPIRED: not paid by its
 * pay-by time, the citizen told, and still payable online or at the counter (ADR 0073);
 * REFUNDED: paid and given back; CANCELLED: its dossier closed before it was paid, so nothing is
 * owed (ADR 0072; a provider's late confirmation is given back).
 */
public enum PaymentStatus {
    PLANNED, REQUESTED, COMPLETED, EXPIRED, REFUNDED, CANCELLED
}
