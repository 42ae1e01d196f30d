package nl.deelpoort.gateway.population;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import nl.deelpoort.gateway.outbound.ClientCredentials;
import nl.deelpoort.gateway.population.PopulationRegisterException.Failure;

/**
 * How the gateway proves itself to the BRP API: an API key header and/or an OAuth2 bearer token (client credentials).
 *
 * <p>The token comes from {@link ClientCredentials}, the gateway's one client-credentials piece (also the holders'):
 * its registration is private to it, so the console's OAuth2 login never sees it; the token is cached and fetched anew
 * shortly before it expires.
 */
final class BrpCredentials {

    static final String REGISTRATION = "brp-api";

    private final String apiKeyHeader;
    private final String apiKey;
    private final ClientCredentials tokens;

    private BrpCredentials(String apiKeyHeader, String apiKey, ClientCredentials tokens) {
        this.apiKeyHeader = apiKeyHeader;
        this.apiKey = apiKey;
        this.tokens = tokens;
    }

    static BrpCredentials of(PopulationSettings settings, Clock clock) {
        PopulationSettings.OAuth2 oauth2 = settings.oauth2();
        ClientCredentials tokens = oauth2 != null && oauth2.configured()
                ? new ClientCredentials(
                        Map.of(
                                REGISTRATION,
                                new ClientCredentials.Client(
                                        oauth2.tokenUri(), oauth2.clientId(), oauth2.clientSecret(), oauth2.scope())),
                        settings.connectTimeout(),
                        // The token request gets the same deadline as a query.
                        settings.readTimeout(),
                        clock)
                : null;
        return new BrpCredentials(settings.apiKeyHeader(), settings.apiKey(), tokens);
    }

    void apply(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header(apiKeyHeader, apiKey);
        }
        if (tokens != null) {
            request.header("Authorization", "Bearer " + token());
        }
    }

    private String token() {
        try {
            return tokens.accessToken(REGISTRATION);
        } catch (ClientCredentials.TokenFailure e) {
            // Its message names at most the OAuth2 error code, never what the endpoint quoted.
            throw new PopulationRegisterException(
                    Failure.AUTHENTICATION,
                    "No token for the population register could be obtained: " + e.getMessage() + ".");
        }
    }
}
