package vn.motcua.payment.provider.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The merchant's side of the 2.1.0 checksum (HMAC-SHA512 in hex). Redirects and notifications
 * sign their {@code vnp_*} parameters sorted by name, each URL-encoded as the provider's samples
 * do (US-ASCII, space as '+'), without {@code vnp_SecureHash} and {@code vnp_SecureHashType}; the
 * web API signs its fields joined by '|' in the order each command documents.
 */
final class VnpayChecksum {
    static final String HASH = "vnp_SecureHash";

    private final SecretKeySpec key;

    VnpayChecksum(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
    }

    String ofFields(String... fields) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            data.append(i == 0 ? "" : "|").append(fields[i] == null ? "" : fields[i]);
        }
        return hmac(data.toString());
    }

    /** The parameters as a query string, in the order signed. */
    static String canonicalQuery(Map<String, String> parameters) {
        SortedMap<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove(HASH);
        sorted.remove("vnp_SecureHashType");
        return sorted.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    String ofQuery(Map<String, String> parameters) {
        return hmac(canonicalQuery(parameters));
    }

    boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.US_ASCII);
    }
}
