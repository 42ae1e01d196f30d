package nl.deelpoort.gateway.population;

import java.net.URI;
import java.time.Duration;
import nl.deelpoort.gateway.resilience.GuardSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the BRP API Personen is and how to reach it. Without a {@code baseUrl} the gateway does not consult the
 * register: consents are recorded on the birth date the professional enters, and their log entries say so ({@code
 * registerCheck: NONE}).
 *
 * @param baseUrl the API's base URL, to which {@code /personen} is added (RvIG's: {@code
 *     https://api.brp.example/haalcentraal/api/brp}); empty: no check
 * @param apiKey sent in {@code apiKeyHeader} when set (the API's gateway wants one)
 * @param apiKeyHeader the header name of the API key
 * @param oauth2 OAuth2 client credentials, when the deployment's access to the API asks for a bearer token
 * @param connectTimeout TCP connect timeout
 * @param readTimeout from sending the query until the whole answer is in
 * @param failureThreshold consecutive failures that open the circuit
 * @param openFor how long an open circuit refuses before one trial call is let through
 * @param maxConnections queries in flight at once (bulkhead); one more is refused at once ({@code BUSY}, handled as
 *     the register being unavailable)
 * @param whenUnavailable what recording a consent does when the register cannot be asked: {@code REFUSE} (fail
 *     closed, the default) or {@code RECORD_UNVERIFIED} (record it on the entered birth date, flagged unverified, with a
 *     review item for the privacy officers)
 */
@ConfigurationProperties("deelpoort.population")
record PopulationSettings(
        URI baseUrl,
        String apiKey,
        String apiKeyHeader,
        OAuth2 oauth2,
        Duration connectTimeout,
        Duration readTimeout,
        Integer failureThreshold,
        Duration openFor,
        Integer maxConnections,
        PopulationRegister.WhenUnavailable whenUnavailable) {

    PopulationSettings {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? "X-API-KEY" : apiKeyHeader.strip();
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(5);
        failureThreshold = failureThreshold != null ? failureThreshold : 5;
        openFor = openFor != null ? openFor : Duration.ofSeconds(30);
        maxConnections = maxConnections != null ? maxConnections : 10;
        whenUnavailable = whenUnavailable != null ? whenUnavailable : PopulationRegister.WhenUnavailable.REFUSE;
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("deelpoort.population.failure-threshold must be at least 1");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("deelpoort.population.max-connections must be at least 1");
        }
        if (oauth2 != null
                && oauth2.tokenUri() != null
                && (oauth2.clientId() == null || oauth2.clientSecret() == null)) {
            throw new IllegalArgumentException(
                    "deelpoort.population.oauth2.client-id and client-secret are required with a token-uri");
        }
    }

    /** The register's guard: its read timeout is the time limit of one whole exchange; no wait for a slot. */
    GuardSettings guardSettings() {
        return new GuardSettings(failureThreshold, openFor, maxConnections, Duration.ZERO, readTimeout);
    }

    boolean configured() {
        return baseUrl != null && !baseUrl.toString().isBlank();
    }

    /** The client credentials grant (RFC 6749 §4.4); used when {@code tokenUri} is set. */
    record OAuth2(URI tokenUri, String clientId, String clientSecret, String scope) {
        boolean configured() {
            return tokenUri != null;
        }

        @Override
        public String toString() {
            return "OAuth2[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @Override
    public String toString() {
        return "PopulationSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", oauth2="
                + oauth2 + ", whenUnavailable=" + whenUnavailable + "]";
    }
}
