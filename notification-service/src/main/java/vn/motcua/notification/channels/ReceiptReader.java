package vn.motcua.notification.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.events.notification.NotificationChannel;

/**
 * Reads the providers' delivery callbacks, authenticated as each protocol does: the SMS gateway's
 * report signed with HMAC-SHA256 of its body under the account secret ({@code X-Signature}); Zalo's
 * webhook with {@code X-ZEvent-Signature: mac=} SHA-256 of app id, body, timestamp and the OA secret.
 */
@Component
public class ReceiptReader {
    private final ChannelProperties channels;
    private final ObjectMapper json;

    /** The callback is not the provider's, or not a receipt at all. */
    public static class NotAReceipt extends RuntimeException {
        NotAReceipt(String reason) {
            super(reason);
        }
    }

    ReceiptReader(ChannelProperties channels, ObjectMapper json) {
        this.channels = channels;
        this.json = json;
    }

    public Receipt sms(String body, String signature) {
        String secret = channels.sms().secret();
        if (secret == null || signature == null || !MessageDigest.isEqual(hmacSha256(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new NotAReceipt("the delivery report's signature does not match");
        }
        JsonNode report = parse(body);
        String status = report.path("status").asString("");
        if (!status.equals("DELIVERED") && !status.equals("UNDELIVERED")) {
            throw new NotAReceipt("unknown report status " + status);
        }
        return new Receipt(NotificationChannel.SMS, required(report, "clientRef"), required(report, "messageId"), status.equals("DELIVERED"),
                report.path("errorCode").asString(null), instant(report.path("doneAt").asString(null)));
    }

    /** @return the receipt, or null for a webhook event that is not about a received message */
    public Receipt zalo(String body, String signature) {
        JsonNode event = parse(body);
        String timestamp = event.path("timestamp").asString("");
        String secret = channels.zalo().oaSecret();
        String appId = channels.zalo().appId();
        if (secret == null || signature == null || !MessageDigest.isEqual(zaloMac(appId, body, timestamp, secret)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new NotAReceipt("the webhook's signature does not match");
        }
        if (!"user_received_message".equals(event.path("event_name").asString(""))) {
            return null;
        }
        JsonNode message = event.path("message");
        Instant at;
        try {
            at = Instant.ofEpochMilli(Long.parseLong(message.path("delivery_time").asString(timestamp)));
        } catch (NumberFormatException e) {
            throw new NotAReceipt("delivery_time is not a time");
        }
        return new Receipt(NotificationChannel.ZALO, required(message, "tracking_id"), required(message, "msg_id"), true, null, at);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new NotAReceipt("the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new NotAReceipt("the body is not JSON");
        }
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw new NotAReceipt(field + " is missing");
        }
        return value;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.now() : Instant.parse(text);
        } catch (RuntimeException e) {
            throw new NotAReceipt("doneAt is not a time");
        }
    }

    static String hmacSha256(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String zaloMac(String appId, String body, String timestamp, String secret) {
        try {
            return "mac=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((appId + body + timestamp + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
