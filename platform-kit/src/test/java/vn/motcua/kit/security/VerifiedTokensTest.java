package vn.motcua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import vn.motcua.testinfra.MovingClock;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private final AtomicInteger fullChecks = new AtomicInteger();
    private final MovingClock clock = new MovingClock(NOW);
    private final JwtTimestampValidator times = new JwtTimestampValidator(Duration.ZERO);

    /** The realm's check: signed tokens are those starting "signed", each expiring a minute after NOW. */
    private final JwtDecoder realm = token -> {
        fullChecks.incrementAndGet();
        if (!token.startsWith("signed") || clock.instant().isAfter(NOW.plusSeconds(60))) {
            throw new BadJwtException("refused: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
    };

    private VerifiedTokens tokens() {
        times.setClock(clock);
        return new VerifiedTokens(realm, times, 2, Duration.ofMinutes(5));
    }

    @Test
    void aTokenSentAgainIsNotCheckedInFullAgain() {
        VerifiedTokens tokens = tokens();

        Jwt first = tokens.decode("signed-a");
        Jwt again = tokens.decode("signed-a");

        assertThat(again).isSameAs(first);
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        VerifiedTokens tokens = tokens();
        tokens.decode("signed-a");

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> tokens.decode("signed-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("signed-a")).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = tokens();

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(fullChecks).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void onlyTheBoundIsKeptHoweverManyClientsCall() {
        VerifiedTokens tokens = tokens();

        for (int i = 0; i < 50; i++) {
            tokens.decode("signed-" + i);
        }

        assertThat(tokens.remembered()).isLessThanOrEqualTo(2);
    }
}
