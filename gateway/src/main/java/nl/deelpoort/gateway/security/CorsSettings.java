package nl.deelpoort.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which browser front ends on other origins may call the API (CORS). None by default: then the API
 * sends no CORS headers and a browser keeps other origins' pages from reading its answers (the
 * console is same-origin and partner systems are not browsers). An origin is named exactly ({@code
 * https://zorgportaal.example.nl}); a wildcard would let any page a professional visits use their
 * token, so it is refused. Callers authenticate with a bearer token, never a cookie, so credentials
 * are not allowed.
 *
 * @param allowedOrigins scheme, host and port of each front end, without a path
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("deelpoort.cors")
record CorsSettings(List<URI> allowedOrigins, Duration maxAge) {

    /** What the contract's calls need: its methods, and the request headers it reads. */
    static final List<String> METHODS = List.of("GET", "POST");

    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept", "traceparent");
    /** The answer's headers a script may read: the contract's own (docs/api.md) and a created resource's. */
    static final List<String> RESPONSE_HEADERS =
            List.of("API-Version", "X-Disclosure-Id", "traceparent", "Location", "WWW-Authenticate");

    CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        for (URI origin : allowedOrigins) {
            boolean bare = origin.getScheme() != null
                    && (origin.getScheme().equals("https") || origin.getScheme().equals("http"))
                    && origin.getHost() != null
                    && origin.getRawUserInfo() == null
                    && (origin.getRawPath() == null || origin.getRawPath().isEmpty())
                    && origin.getRawQuery() == null
                    && origin.getRawFragment() == null;
            if (!bare) {
                throw new IllegalArgumentException("deelpoort.cors.allowed-origins: '" + origin
                        + "' is not an origin; name each as scheme://host[:port], e.g. https://app.example.nl"
                        + " (no wildcard, no path)");
            }
        }
        if (maxAge == null) {
            maxAge = Duration.ofMinutes(30);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("deelpoort.cors.max-age must not be negative");
        }
    }

    /** The API's CORS policy; with no origins configured, none (no CORS headers at all). */
    CorsConfigurationSource source() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins.stream().map(URI::toString).toList());
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(RESPONSE_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(maxAge);
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
