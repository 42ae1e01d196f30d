package nl.deelpoort.gateway.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from. {@code issuer} must equal the token's {@code iss}; {@code jwkSetUri}
 * defaults to the realm's certs endpoint under the issuer, and differs only where the gateway
 * reaches Keycloak by another address than clients do (e.g. inside docker-compose).
 *
 * @param issuer the realm's issuer URL, {@code <keycloak>/realms/deelpoort}; tokens must carry it as
 *     {@code iss}
 * @param jwkSetUri where the realm's signing keys are fetched; default: the issuer's certs endpoint
 * @param audience the audience every access token must carry
 * @param jwks how the realm's signing keys are cached
 * @param verifiedTokenTtl how long a token whose signature was checked is remembered, so that the
 *     same bearer token sent again is not verified again (never past its expiry; its lifetime,
 *     issuer, audience and type are still checked on every use); default 60 s
 * @param verifiedTokenEntries how many verified tokens are remembered at most; 0 switches the
 *     cache off; default 10000
 */
@ConfigurationProperties("deelpoort.security")
record SecuritySettings(
        URI issuer,
        URI jwkSetUri,
        String audience,
        Jwks jwks,
        Duration verifiedTokenTtl,
        Integer verifiedTokenEntries) {

    SecuritySettings {
        if (issuer == null) {
            throw new IllegalArgumentException("deelpoort.security.issuer must be set");
        }
        if (audience == null || audience.isBlank()) {
            audience = "deelpoort-gateway";
        }
        if (verifiedTokenTtl == null) {
            verifiedTokenTtl = Duration.ofSeconds(60);
        }
        if (verifiedTokenTtl.isNegative()) {
            throw new IllegalArgumentException("deelpoort.security.verified-token-ttl must not be negative");
        }
        if (verifiedTokenEntries == null) {
            verifiedTokenEntries = 10_000;
        }
        if (verifiedTokenEntries < 0) {
            throw new IllegalArgumentException("deelpoort.security.verified-token-entries must not be negative");
        }
        jwks = jwks != null ? jwks : new Jwks(null, null, null, null);
    }

    /**
     * The cache of the realm's signing keys (its JWK set). A token naming a key the cache lacks makes
     * the gateway fetch the set again, at most twice per {@code minRefreshInterval}; so a rotated key
     * is accepted at once, or after at most that interval when the set was just fetched twice.
     *
     * @param cacheTtl how long a fetched set is used before it is fetched again: a key the realm
     *     withdrew (disabled, removed) is still trusted for at most this long
     * @param minRefreshInterval at most two fetches in this time, however many tokens name unknown
     *     keys (forged ones too); shorter than {@code cacheTtl}
     * @param outageTolerance while the realm cannot be reached, the last set fetched is used for this
     *     long, so that tokens already issued keep working through a Keycloak outage until they expire
     * @param timeout connect and read timeout of one fetch
     */
    record Jwks(Duration cacheTtl, Duration minRefreshInterval, Duration outageTolerance, Duration timeout) {

        Jwks {
            cacheTtl = cacheTtl != null ? cacheTtl : Duration.ofMinutes(5);
            minRefreshInterval = minRefreshInterval != null ? minRefreshInterval : Duration.ofSeconds(30);
            outageTolerance = outageTolerance != null ? outageTolerance : Duration.ofHours(1);
            timeout = timeout != null ? timeout : Duration.ofSeconds(2);
            if (!positive(minRefreshInterval) || minRefreshInterval.compareTo(cacheTtl) >= 0) {
                throw new IllegalArgumentException(
                        "deelpoort.security.jwks.min-refresh-interval must be positive and shorter than cache-ttl");
            }
            if (!positive(outageTolerance) || !positive(timeout)) {
                throw new IllegalArgumentException(
                        "deelpoort.security.jwks.outage-tolerance and timeout must be positive");
            }
        }

        private static boolean positive(Duration d) {
            return !d.isNegative() && !d.isZero();
        }
    }

    URI effectiveJwkSetUri() {
        return jwkSetUri != null ? jwkSetUri : URI.create(issuer + "/protocol/openid-connect/certs");
    }
}
