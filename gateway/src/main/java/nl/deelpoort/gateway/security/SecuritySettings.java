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
 * @param verifiedTokenTtl how long a token whose signature was checked is remembered, so that the
 *     same bearer token sent again is not verified again (never past its expiry; its lifetime,
 *     issuer, audience and type are still checked on every use); default 60 s
 * @param verifiedTokenEntries how many verified tokens are remembered at most; 0 switches the
 *     cache off; default 10000
 */
@ConfigurationProperties("deelpoort.security")
record SecuritySettings(
        URI issuer, URI jwkSetUri, String audience, Duration verifiedTokenTtl, Integer verifiedTokenEntries) {

    SecuritySettings(URI issuer, URI jwkSetUri, String audience) {
        this(issuer, jwkSetUri, audience, null, null);
    }

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
    }

    URI effectiveJwkSetUri() {
        return jwkSetUri != null ? jwkSetUri : URI.create(issuer + "/protocol/openid-connect/certs");
    }
}
