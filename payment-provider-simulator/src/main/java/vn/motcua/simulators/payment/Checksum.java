package vn.motcua.simulators.payment;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's side of the 2.1.0 checksum: HMAC-SHA512, hex, over the {@code vnp_} parameters
 * sorted by name and URL-encoded (US-ASCII, space as '+') for redirects and notifications, and
 * over '|'-joined fields in a fixed order for the merchant web API.
 */
final class Checksum {
    static final String HASH = "vnp_SecureHash";
    static final String HASH_TYPE = "vnp_SecureHashType";
    /** The provider's clock for dates on the wire (yyyyMMddHHmmss, Việt Nam time). */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZONE);

    private final byte[] secret;

    Checksum(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    /** The query string of the parameters, signed: what the provider sends to the return URL and the IPN. */
    String signedQuery(Map<String, String> parameters) {
        String data = canonical(parameters);
        return data + "&" + HASH + "=" + sign(data);
    }

    boolean verifiesQuery(Map<String, String> parameters) {
        String given = parameters.get(HASH);
        return given != null && matches(sign(canonical(parameters)), given);
    }

    boolean verifiesFields(String given, String... fields) {
        return given != null && matches(sign(String.join("|", fields)), given);
    }

    String signFields(String... fields) {
        return sign(String.join("|", fields));
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private static String canonical(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !e.getKey().equals(HASH) && !e.getKey().equals(HASH_TYPE))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.US_ASCII);
    }

    static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
