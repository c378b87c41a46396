package vn.motcua.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.notification.channels.Receipt;
import vn.motcua.notification.channels.ReceiptReader;
import vn.motcua.notification.inbox.ReceiptBeforeAcceptance;

/**
 * The providers' delivery callbacks. They carry no token: each is authenticated by its provider's
 * signature, and a forged one is refused (401) with nothing changed.
 */
@RestController
@RequestMapping("/api/v1/notifications/provider")
class ReceiptsController {
    private static final String NOT_AUTHENTIC = "Not an authentic receipt: no signature, or one that does not match the body";
    private final ReceiptReader reader;
    private final Deliveries deliveries;

    ReceiptsController(ReceiptReader reader, Deliveries deliveries) {
        this.reader = reader;
        this.deliveries = deliveries;
    }

    @Operation(summary = "The SMS gateway's delivery report (signed: X-Signature, hex HMAC-SHA256 of the body)")
    @ApiResponse(responseCode = "204", description = "Applied, or already applied")
    @ApiResponse(responseCode = "401", description = NOT_AUTHENTIC, content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping("/sms-reports")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void smsReport(@RequestBody String body, @RequestHeader(name = "X-Signature", required = false) String signature) {
        apply(authentic(() -> reader.sms(body, signature)));
    }

    @Operation(summary = "Zalo's webhook (signed: X-ZEvent-Signature); user_received_message marks the message delivered")
    @ApiResponse(responseCode = "204", description = "Applied, already applied, or an event that changes nothing")
    @ApiResponse(responseCode = "401", description = NOT_AUTHENTIC, content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping("/zalo-events")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void zaloEvent(@RequestBody String body, @RequestHeader(name = "X-ZEvent-Signature", required = false) String signature) {
        Receipt receipt = authentic(() -> reader.zalo(body, signature));
        if (receipt != null) {
            apply(receipt);
        }
    }

    private static Receipt authentic(Supplier<Receipt> read) {
        try {
            return read.get();
        } catch (ReceiptReader.NotAReceipt e) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "receipt-not-authentic", "Not an authentic receipt", e.getMessage());
        }
    }

    /** The provider retries a callback not answered 2xx: one that overtook the sender's write succeeds on its next call. */
    private void apply(Receipt receipt) {
        try {
            deliveries.receipt(receipt);
        } catch (ReceiptBeforeAcceptance e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "receipt-too-early", "Receipt came before the send was recorded",
                    e.getMessage()).withHeader("Retry-After", "1");
        }
    }
}
