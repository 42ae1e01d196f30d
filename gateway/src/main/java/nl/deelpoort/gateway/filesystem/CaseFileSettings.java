package nl.deelpoort.gateway.filesystem;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import nl.deelpoort.gateway.resilience.GuardSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the holders' case file systems are and how to reach them.
 *
 * @param defaultBaseUrl base URL for every holder without its own; the query goes to {@code
 *     <base>/api/<holder>/dossiers/query}
 * @param connectTimeout TCP connect timeout (the file system's and the token endpoint's)
 * @param readTimeout from sending the request until the whole answer is in; past it: 504. A token
 *     request has the same limit.
 * @param maxConnections requests in flight per holder (HTTP/1.1: one connection each), so one slow
 *     holder cannot tie up every request thread of the gateway; one more is refused (503)
 * @param slotWait how long a request waits for one of those before it is refused; zero: at once
 * @param maxResponseSize larger answers are refused as bad answers (502)
 * @param failureThreshold consecutive failures that open a holder's circuit
 * @param openFor how long an open circuit refuses before one trial call is let through
 * @param holders per-holder overrides by organisation id
 */
@ConfigurationProperties("deelpoort.casefiles")
record CaseFileSettings(
        URI defaultBaseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxConnections,
        Duration slotWait,
        DataSize maxResponseSize,
        Integer failureThreshold,
        Duration openFor,
        Map<String, Holder> holders) {

    CaseFileSettings {
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
        maxConnections = maxConnections != null ? maxConnections : 32;
        slotWait = slotWait != null ? slotWait : Duration.ZERO;
        maxResponseSize = maxResponseSize != null ? maxResponseSize : DataSize.ofMegabytes(4);
        failureThreshold = failureThreshold != null ? failureThreshold : 5;
        openFor = openFor != null ? openFor : Duration.ofSeconds(30);
        holders = holders != null ? Map.copyOf(holders) : Map.of();
        if (maxConnections < 1 || failureThreshold < 1) {
            throw new IllegalArgumentException(
                    "deelpoort.casefiles.max-connections and failure-threshold must be at least 1");
        }
        if (slotWait.isNegative()) {
            throw new IllegalArgumentException("deelpoort.casefiles.slot-wait must not be negative");
        }
    }

    /** The same guards for every holder, each holder its own instances. */
    GuardSettings guardSettings() {
        return new GuardSettings(failureThreshold, openFor, maxConnections, slotWait, readTimeout);
    }

    /** Settings of one holder; what is left out falls back to the defaults above. */
    record Holder(URI baseUrl, Auth auth) {}

    /**
     * How the gateway authenticates to a holder's file system.
     *
     * @param type NONE, STATIC_TOKEN ({@code token} sent as a bearer token) or CLIENT_CREDENTIALS
     *     (OAuth2 client credentials grant at {@code tokenUri}, client authenticated with HTTP Basic;
     *     the token is reused until shortly before it expires)
     */
    record Auth(AuthType type, String token, URI tokenUri, String clientId, String clientSecret, String scope) {

        @Override
        public String toString() {
            // Settings can end up in logs and actuator output; the token and the secret must not.
            return "Auth[" + type + (clientId == null ? "" : ", " + clientId + " at " + tokenUri) + "]";
        }
    }

    enum AuthType {
        NONE,
        STATIC_TOKEN,
        CLIENT_CREDENTIALS
    }
}
