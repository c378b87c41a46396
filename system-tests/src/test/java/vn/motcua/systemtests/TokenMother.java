package vn.motcua.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Tokens the platform must refuse: signed by someone else, or altered after signing. */
final class TokenMother {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TokenMother() {
    }

    /** A well-formed citizen token for citizen1, signed by a key and issuer the platform does not trust. */
    static String fromAnotherIssuer() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"elsewhere\"}";
        String claims = """
                {"iss":"http://127.0.0.1:1/realms/elsewhere","aud":"motcua-api","sub":"intruder","azp":"motcua-demo",
                 "iat":%d,"exp":%d,"realm_access":{"roles":["citizen"]},"citizen_id":"001090000001"}
                """.formatted(now, now + 600).strip();
        String signingInput = encode(header) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(rsa.sign());
    }

    /** The same token with its claims rewritten (here: to another citizen's id) and the old signature kept. */
    static String tampered(String token, String fromCitizenId, String toCitizenId) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!claims.contains(fromCitizenId)) {
            throw new IllegalArgumentException("The token does not carry " + fromCitizenId);
        }
        return parts[0] + "." + encode(claims.replace(fromCitizenId, toCitizenId)) + "." + parts[2];
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
