package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final List<String> verifications = new ArrayList<>();
    private final AtomicBoolean rulesFail = new AtomicBoolean();
    private final OAuth2TokenValidator<Jwt> rules = jwt -> rulesFail.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null))
            : OAuth2TokenValidatorResult.success();

    /** "Verifies" a token: counts it; a token starting with "bad" has a bad signature; "exp=N" sets expiry N s after T0. */
    private final JwtDecoder signatureCheck = token -> {
        verifications.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature");
        }
        Instant exp = token.contains("exp=")
                ? T0.plusSeconds(Long.parseLong(token.substring(token.indexOf("exp=") + 4)))
                : T0.plusSeconds(300);
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject(token)
                .issuedAt(T0)
                .expiresAt(exp)
                .build();
    };

    private VerifiedTokens cache(Duration ttl, int entries) {
        return new VerifiedTokens(signatureCheck, rules, ttl, entries, clock);
    }

    @Test
    void theSameTokenIsVerifiedOnceAndAnswersTheSameClaims() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 100);
        Jwt first = tokens.decode("token-a");
        Jwt second = tokens.decode("token-a");
        assertThat(verifications).containsExactly("token-a");
        assertThat(second.getSubject()).isEqualTo(first.getSubject()).isEqualTo("token-a");
    }

    @Test
    void aTokenThatDiffersInOneCharacterIsVerifiedInFull() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 100);
        tokens.decode("token-a");
        tokens.decode("token-b");
        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void aRefusalIsNeverRemembered() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 100);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("bad-token", "bad-token");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theRulesRunOnEveryUseAndARemberedTokenThatBreaksThemIsRefusedAndForgotten() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 100);
        tokens.decode("token-a");
        rulesFail.set(true);
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anEntryLivesAtMostTheTtl() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 100);
        tokens.decode("token-a");
        clock.advance(Duration.ofSeconds(59));
        tokens.decode("token-a");
        clock.advance(Duration.ofSeconds(2));
        tokens.decode("token-a");
        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void anEntryNeverOutlivesTheTokensExpiry() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 100);
        tokens.decode("token exp=5");
        clock.advance(Duration.ofSeconds(6));
        tokens.decode("token exp=5");
        assertThat(verifications).containsExactly("token exp=5", "token exp=5");
    }

    @Test
    void memoryIsBoundedUnderAFloodOfDistinctTokensAndEachIsStillVerified() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 2);
        for (int i = 0; i < 10; i++) {
            assertThat(tokens.decode("token-" + i).getSubject()).isEqualTo("token-" + i);
        }
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(verifications).hasSize(10);
        clock.advance(Duration.ofSeconds(61));
        tokens.decode("token-late");
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void zeroEntriesSwitchesTheCacheOff() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 0);
        tokens.decode("token-a");
        tokens.decode("token-a");
        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    private static final class MovableClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
