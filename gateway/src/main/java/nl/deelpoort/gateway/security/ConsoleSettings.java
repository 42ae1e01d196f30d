package nl.deelpoort.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web console's OIDC client in the realm. {@code clientSecret} has no default: production sets
 * {@code DEELPOORT_CONSOLE_CLIENT_SECRET}; the local stack and the tests pass the dev realm's value.
 * Without it the console's start page says the console is not set up and no login is offered.
 *
 * @param clientId the console's client in the realm
 * @param clientSecret the console client's secret; without it the console offers no login
 * @param refreshBefore the access token is refreshed when it expires within this time; a refresh
 *     that Keycloak refuses (its session ended) ends the console session too
 */
@ConfigurationProperties("deelpoort.console")
public record ConsoleSettings(String clientId, String clientSecret, Duration refreshBefore) {

    public ConsoleSettings {
        if (clientId == null || clientId.isBlank()) {
            clientId = "deelpoort-console";
        }
        if (refreshBefore == null) {
            refreshBefore = Duration.ofSeconds(30);
        }
    }

    public boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
