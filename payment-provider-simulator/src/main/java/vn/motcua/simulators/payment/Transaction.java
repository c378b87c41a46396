package vn.motcua.simulators.payment;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One payment the merchant sent a payer to, from the signed URL to the payer's decision and any
 * refunds. Guarded by its own lock: the payer, the merchant's API calls and the notifier touch it
 * from different threads.
 */
final class Transaction {
    enum State { PENDING, SUCCESS, FAILED }

    record Refund(String requestId, long amountTimes100, String transactionNo, Instant at) {
    }

    final String txnRef;
    final long amountTimes100;
    final String orderInfo;
    final String createDate;
    final Instant expiresAt;
    final URI returnUrl;
    private State state = State.PENDING;
    private String responseCode;
    private String transactionNo;
    private String bankCode;
    private Instant paidAt;
    private final List<Refund> refunds = new ArrayList<>();
    /** What the daily statement says was paid, when a test plants a difference; null: the real amount. */
    private Long statementAmountTimes100;
    private boolean leftOutOfStatement;

    Transaction(String txnRef, long amountTimes100, String orderInfo, String createDate, Instant expiresAt, URI returnUrl) {
        this.txnRef = txnRef;
        this.amountTimes100 = amountTimes100;
        this.orderInfo = orderInfo;
        this.createDate = createDate;
        this.expiresAt = expiresAt;
        this.returnUrl = returnUrl;
    }

    /** @return false when the payer had decided before: a decision is final */
    synchronized boolean decide(State outcome, String code, String number, String bank, Instant at) {
        if (state != State.PENDING) {
            return false;
        }
        state = outcome;
        responseCode = code;
        transactionNo = number;
        bankCode = bank;
        paidAt = at;
        return true;
    }

    synchronized State state() {
        return state;
    }

    synchronized String responseCode() {
        return responseCode;
    }

    synchronized String transactionNo() {
        return transactionNo;
    }

    synchronized String bankCode() {
        return bankCode;
    }

    synchronized Instant paidAt() {
        return paidAt;
    }

    synchronized long refundedTimes100() {
        return refunds.stream().mapToLong(Refund::amountTimes100).sum();
    }

    synchronized List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    synchronized void refunded(Refund refund) {
        refunds.add(refund);
    }

    synchronized void statementSays(Long amountTimes100, boolean leftOut) {
        statementAmountTimes100 = amountTimes100;
        leftOutOfStatement = leftOut;
    }

    synchronized long statementAmountTimes100() {
        return statementAmountTimes100 != null ? statementAmountTimes100 : amountTimes100;
    }

    synchronized boolean leftOutOfStatement() {
        return leftOutOfStatement;
    }
}
