package vn.motcua.payment.provider;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.payment.ordering.ProviderResult;

/**
 * A payment platform, as the payment service needs it: send a payer to pay, read its signed
 * notifications, ask it what became of a payment, refund, and fetch its daily statement. Amounts
 * are in đồng on this side; the wire's format (amount × 100, dates, checksums) is the adapter's.
 */
public interface PaymentProvider {

    /** @param payerIp the citizen's address as the platform saw it (the provider asks for it) */
    record PaymentRequest(String reference, long amount, String description, Instant createdAt, Instant expiresAt, String payerIp) {
    }

    /** @param full the whole payment (else a part of it) */
    record RefundRequest(String requestId, String reference, long amount, boolean full, String transactionNo, Instant paidAt,
            Instant createdAt, String by) {
    }

    /** @param accepted the provider refunded (or had refunded under this request id before) */
    record RefundAnswer(boolean accepted, String reference, String code, String message) {
    }

    /** @param type 01 payment, 02 full refund, 03 partial refund */
    record StatementLine(String reference, String transactionNo, String type, long amount, Instant at) {
    }

    URI paymentUrl(PaymentRequest request);

    /** @throws ForgedCallback when the parameters do not carry this merchant's valid checksum */
    ProviderResult readCallback(Map<String, String> parameters);

    /** @return what became of the payment; empty while the payer has not decided or the provider does not know it */
    Optional<ProviderResult> query(String reference, Instant createdAt);

    RefundAnswer refund(RefundRequest request);

    List<StatementLine> statement(LocalDate day);

    /** A notification or redirect that was not signed by the provider with this merchant's secret. */
    class ForgedCallback extends RuntimeException {
        public ForgedCallback(String message) {
            super(message);
        }
    }

    /** The provider could not be reached or answered something unreadable: try again later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        /** The answer to a request that needed the provider: it can succeed later, so 503 and when to try again. */
        public ApiProblem problem(String whatHappened) {
            return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable", "Payment provider unavailable", whatHappened)
                    .withHeader(HttpHeaders.RETRY_AFTER, "30");
        }
    }
}
