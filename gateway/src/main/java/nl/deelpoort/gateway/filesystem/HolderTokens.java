package nl.deelpoort.gateway.filesystem;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.outbound.ClientCredentials;
import nl.deelpoort.policy.OrganisationId;

/**
 * The gateway's tokens for the holders that want the OAuth2 client credentials grant: one client of
 * {@link ClientCredentials} per holder (its registration id is the holder's organisation id); this
 * class adds the holders' configuration check and the case files' failure.
 */
final class HolderTokens {

    private final ClientCredentials tokens;

    /**
     * @param clients the holders with CLIENT_CREDENTIALS, by organisation id
     * @param connectTimeout and {@code readTimeout}: the token request's limits
     */
    HolderTokens(
            Map<OrganisationId, CaseFileSettings.Auth> clients,
            Duration connectTimeout,
            Duration readTimeout,
            Clock clock) {
        clients.forEach((holder, auth) -> {
            if (auth.tokenUri() == null || auth.clientId() == null || auth.clientSecret() == null) {
                throw new IllegalArgumentException("deelpoort.casefiles.holders." + holder.value()
                        + ".auth.token-uri, client-id and client-secret are required for CLIENT_CREDENTIALS");
            }
        });
        this.tokens = new ClientCredentials(
                clients.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(e -> e.getKey().value(), e -> client(e.getValue()))),
                connectTimeout,
                readTimeout,
                clock);
    }

    boolean knows(OrganisationId holder) {
        return tokens.knows(holder.value());
    }

    /**
     * A valid access token for the holder: the one held, or a new one. Callers for the same holder
     * share one token request.
     *
     * @throws CaseFileException ({@link Failure#AUTHENTICATION}) when the token endpoint cannot be
     *     reached, refuses or answers no token; the message names at most the OAuth2 error code
     */
    String accessToken(OrganisationId holder) {
        try {
            return tokens.accessToken(holder.value());
        } catch (ClientCredentials.TokenFailure e) {
            throw new CaseFileException(
                    holder,
                    Failure.AUTHENTICATION,
                    "No token for the case file system of " + holder + ": " + e.getMessage() + ".");
        }
    }

    private static ClientCredentials.Client client(CaseFileSettings.Auth auth) {
        return new ClientCredentials.Client(auth.tokenUri(), auth.clientId(), auth.clientSecret(), auth.scope());
    }
}
