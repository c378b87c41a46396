package vn.motcua.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens whose signature, issuer and audience were already checked, so a client
 * sending the same token again (a portal makes many calls with one) costs a map look-up and a
 * check of its times instead of parsing and an RSA verification: the token check was a fifth of
 * the gateway's work on a catalog read, and every service behind it did it again (ADR 0023).
 * A token's bytes cannot change without its signature failing, so the only thing that changes
 * for a remembered one is the clock, checked on every use. Tokens that fail are never remembered;
 * the bound keeps the memory small however many clients there are.
 */
final class VerifiedTokens implements JwtDecoder {
    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> timeValidator;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> timeValidator, int capacity, Duration remembered) {
        this.decoder = decoder;
        this.timeValidator = timeValidator;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(remembered).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !timeValidator.validate(known).hasErrors()) {
            return known;
        }
        if (known != null) {
            verified.invalidate(token);
        }
        // A token no longer current goes through the full check, which refuses it with its reason.
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
