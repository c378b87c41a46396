package vn.motcua.payment.online;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.payment.ordering.AttemptReferences;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.ordering.Settlement;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * The two addresses the provider knows: the IPN endpoint it calls server to server (public, but
 * only a valid checksum, a known attempt and its exact amount change anything), and the return
 * URL it sends the payer's browser to, which only reports and never changes an order.
 */
@RestController
@RequestMapping("/api/v1/payments/provider")
class ProviderCallbacksController {
    private static final Logger log = LoggerFactory.getLogger(ProviderCallbacksController.class);

    private final PaymentProvider provider;
    private final Confirmations confirmations;
    private final AttemptReferences references;
    private final PaymentOrderRepository orders;

    ProviderCallbacksController(PaymentProvider provider, Confirmations confirmations, AttemptReferences references,
            PaymentOrderRepository orders) {
        this.provider = provider;
        this.confirmations = confirmations;
        this.references = references;
        this.orders = orders;
    }

    /** The protocol's answer: the provider reads RspCode and calls again unless it is 00 or 02. */
    record IpnAnswer(String RspCode, String Message) {
        static IpnAnswer of(Settlement settlement) {
            return new IpnAnswer(settlement.code(), settlement.message());
        }
    }

    @Operation(summary = "The payment provider's notification (IPN), server to server, signed: answers RspCode 00 confirmed,"
            + " 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 other")
    @GetMapping("/ipn")
    IpnAnswer ipn(@RequestParam Map<String, String> parameters) {
        ProviderResult result;
        try {
            result = provider.readCallback(parameters);
        } catch (PaymentProvider.ForgedCallback forged) {
            log.warn("IPN refused: {}", forged.getMessage());
            return IpnAnswer.of(Settlement.BAD_SIGNATURE);
        }
        try {
            Settlement settlement = confirmations.confirm(result);
            log.info("IPN {} ({}): {}", result.reference(), result.code(), settlement);
            return IpnAnswer.of(settlement);
        } catch (RuntimeException e) {
            log.error("IPN {} could not be applied", result.reference(), e);
            return IpnAnswer.of(Settlement.OTHER);
        }
    }

    /**
     * @param paymentId the order the attempt belongs to
     * @param providerCode what the provider told the payer (00 paid, 24 cancelled, …)
     * @param orderStatus the order as the platform knows it now: a payment shows as COMPLETED only
     *     once the provider's notification (or its query API) confirmed it
     */
    record ReturnView(String paymentId, String reference, String providerCode, String orderStatus, String message) {
    }

    @Operation(summary = "Where the provider sends the payer back: checks the signature and reports the order as the platform"
            + " knows it; never changes anything (only the IPN and the query API do)")
    @GetMapping("/return")
    ReturnView returned(@RequestParam Map<String, String> parameters) {
        ProviderResult result;
        try {
            result = provider.readCallback(parameters);
        } catch (PaymentProvider.ForgedCallback forged) {
            throw ApiProblem.badRequest("return-not-signed", "These return parameters do not carry the provider's signature");
        }
        String orderId = references.orderOf(result.reference())
                .orElseThrow(() -> ApiProblem.notFound("Payment attempt", result.reference()));
        String status = orders.findById(orderId).map(o -> o.status().name()).orElse("UNKNOWN");
        String message = !result.succeeded() ? "Giao dịch không thành công (mã " + result.code() + "). Bạn có thể thanh toán lại."
                : "COMPLETED".equals(status) ? "Thanh toán thành công. Biên lai điện tử đang được phát hành."
                        : "Cổng thanh toán báo đã trừ tiền; hệ thống đang chờ xác nhận từ cổng thanh toán.";
        return new ReturnView(orderId, result.reference(), result.code(), status, message);
    }
}
