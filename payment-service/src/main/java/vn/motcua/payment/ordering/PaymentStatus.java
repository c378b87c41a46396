package vn.motcua.payment.ordering;

public enum PaymentStatus {
    REQUESTED, COMPLETED, FAILED, EXPIRED, REFUNDED
}
