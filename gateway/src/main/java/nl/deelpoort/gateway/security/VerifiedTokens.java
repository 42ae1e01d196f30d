package nl.deelpoort.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers, for a short while, that a token's signature was checked, so that a client sending the
 * same bearer token with every request does not cost an RSA verification and a JSON parse each time
 * (a sixth of a pull's CPU before this cache). Everything that can change with time is checked on
 * every use: the token's rules ({@link SecurityConfiguration#tokenValidator}: lifetime, issuer,
 * audience, token type) run again on the remembered {@link Jwt}, so an expired token is refused the
 * moment it expires. What is remembered is only "these exact bytes carried a valid signature of a
 * realm key": the key is the whole token string, so a token that differs in one character is checked
 * in full, and a refusal is never remembered.
 *
 * <p>An entry lives at most {@code ttl} and never past the token's {@code exp}; at most
 * {@code maxEntries} are kept (when full, expired entries are swept and a new token is checked but
 * not remembered, so memory stays bounded under a flood of distinct tokens). {@code maxEntries} 0
 * turns the cache off.
 */
final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant until) {}

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * @param delegate the decoder that checks the signature and the rules (the cache's misses)
     * @param rules the same rules the delegate applies, run again on every hit
     */
    VerifiedTokens(JwtDecoder delegate, OAuth2TokenValidator<Jwt> rules, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.rules = rules;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (maxEntries <= 0 || token == null) {
            return delegate.decode(token);
        }
        Instant now = clock.instant();
        Verified hit = verified.get(token);
        if (hit != null) {
            if (now.isBefore(hit.until())) {
                OAuth2TokenValidatorResult result = rules.validate(hit.jwt());
                if (result.hasErrors()) {
                    verified.remove(token, hit);
                    throw new JwtValidationException(
                            "An error occurred while attempting to decode the Jwt: "
                                    + result.getErrors().iterator().next().getDescription(),
                            result.getErrors());
                }
                return hit.jwt();
            }
            verified.remove(token, hit);
        }
        Jwt jwt = delegate.decode(token);
        remember(token, jwt, now);
        return jwt;
    }

    private void remember(String token, Jwt jwt, Instant now) {
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= maxEntries) {
                return;
            }
        }
        verified.put(token, new Verified(jwt, until));
    }

    /** Tokens remembered now (for tests and a gauge). */
    int size() {
        return verified.size();
    }
}
