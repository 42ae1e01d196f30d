package nl.deelpoort.gateway.security;

import java.net.URI;
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
 */
@ConfigurationProperties("deelpoort.security")
record SecuritySettings(URI issuer, URI jwkSetUri, String audience) {

    SecuritySettings {
        if (issuer == null) {
            throw new IllegalArgumentException("deelpoort.security.issuer must be set");
        }
        if (audience == null || audience.isBlank()) {
            audience = "deelpoort-gateway";
        }
    }

    URI effectiveJwkSetUri() {
        return jwkSetUri != null ? jwkSetUri : URI.create(issuer + "/protocol/openid-connect/certs");
    }
}
