package vn.motcua.simulators.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How each provider signs its callbacks, as the receiving side checks them. */
final class Signatures {
    private Signatures() {
    }

    /** The SMS gateway's delivery reports: hex HMAC-SHA256 of the body under the account's secret. */
    static String hmacSha256(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zalo's webhooks: {@code mac=} hex SHA-256 of app id, body, timestamp and the OA secret key, joined. */
    static String zaloMac(String appId, String body, String timestamp, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appId + body + timestamp + secret).getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
