package nl.deelpoort.gateway.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The gateway's tokens for the systems it calls that want the OAuth2 client credentials grant (RFC
 * 6749 §4.4), through Spring Security's OAuth2 client: one {@link ClientRegistration} per named
 * client, client authenticated with HTTP Basic, the token reused until {@link #EARLY_REFRESH} before
 * it expires, callers for the same client sharing one token request.
 *
 * <p>The repository and the manager are this object's own, never beans: the console's OIDC login has
 * its own {@code ClientRegistrationRepository}, and Spring Boot must not take these clients for login
 * clients (nor the other way round).
 *
 * <p>A failure is a {@link TokenFailure} whose message names at most the OAuth2 error code: the
 * token endpoint's own words may quote the request. The caller maps it onto its own failure.
 */
public final class ClientCredentials {

    public static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    /** The gateway itself is the resource owner of a client credentials token. */
    private static final String PRINCIPAL = "deelpoort-gateway";

    /** An OAuth2 error code (RFC 6749 §5.2) is safe to name; anything else the server said is not. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,40}");

    /**
     * One client of the grant.
     *
     * @param scope space-separated, may be null or blank (none asked)
     */
    public record Client(URI tokenUri, String clientId, String clientSecret, String scope) {

        @Override
        public String toString() {
            return "Client[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** No token could be had; the message is safe to log and to show an operator. */
    public static final class TokenFailure extends RuntimeException {
        TokenFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final OAuth2AuthorizedClientManager manager;
    private final Map<String, ReentrantLock> locks;

    /**
     * @param clients by registration id (unique among them; the caller's own names)
     * @param connectTimeout and {@code readTimeout}: the token request's limits
     * @throws IllegalArgumentException when a client lacks its token URI, id or secret
     */
    public ClientCredentials(Map<String, Client> clients, Duration connectTimeout, Duration readTimeout, Clock clock) {
        List<ClientRegistration> registrations = clients.entrySet().stream()
                .map(e -> registration(e.getKey(), e.getValue()))
                .toList();
        this.locks =
                clients.keySet().stream().collect(Collectors.toUnmodifiableMap(id -> id, id -> new ReentrantLock()));
        if (registrations.isEmpty()) {
            this.manager = null;
            return;
        }
        var repository = new InMemoryClientRegistrationRepository(registrations);
        var tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(restClient(connectTimeout, readTimeout));
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                repository, new InMemoryOAuth2AuthorizedClientService(repository));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokenClient)
                        .clockSkew(EARLY_REFRESH)
                        .clock(clock))
                .build());
        this.manager = manager;
    }

    public boolean knows(String registrationId) {
        return locks.containsKey(registrationId);
    }

    /**
     * A valid access token of the client: the one held, or a new one.
     *
     * @throws TokenFailure when the token endpoint cannot be reached, refuses or answers no token
     * @throws IllegalArgumentException for a registration id not given to the constructor
     */
    public String accessToken(String registrationId) {
        ReentrantLock lock = locks.get(registrationId);
        if (lock == null) {
            throw new IllegalArgumentException("no client credentials are configured for " + registrationId);
        }
        lock.lock();
        try {
            OAuth2AuthorizedClient client =
                    manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                            .principal(PRINCIPAL)
                            .build());
            if (client == null) {
                throw new TokenFailure("no token was issued");
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            String code = e.getError() == null ? null : e.getError().getErrorCode();
            // Not the exception itself as the cause: its message may quote what the server answered.
            throw new TokenFailure(
                    code != null && ERROR_CODE.matcher(code).matches()
                            ? "the token endpoint answered " + code
                            : "the token endpoint failed");
        } catch (TokenFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TokenFailure("the token request failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            lock.unlock();
        }
    }

    private static ClientRegistration registration(String id, Client client) {
        if (client.tokenUri() == null || client.clientId() == null || client.clientSecret() == null) {
            throw new IllegalArgumentException("the token URI, client id and client secret are required for " + id);
        }
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(id)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(client.tokenUri().toString());
        if (client.scope() != null && !client.scope().isBlank()) {
            registration.scope(Arrays.asList(client.scope().strip().split("\\s+")));
        }
        return registration.build();
    }

    /**
     * Spring Security's token client, with our limits and no redirects. Its own error handler reads
     * an OAuth2 error only from a 400, and a wrong client secret is a 401 ({@code invalid_client},
     * RFC 6749 §5.2; Keycloak answers {@code unauthorized_client}): this one reads it from any error
     * status, and names the status when the body is no OAuth2 error.
     */
    private static RestClient restClient(Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        var errors = new OAuth2ErrorHttpMessageConverter();
        return RestClient.builder()
                .requestFactory(requests)
                .messageConverters(
                        List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    OAuth2Error error = null;
                    try {
                        error = errors.read(OAuth2Error.class, response);
                    } catch (HttpMessageNotReadableException | IOException e) {
                        // No OAuth2 error in the body: the status says it.
                    }
                    if (error == null || error.getErrorCode() == null) {
                        error = new OAuth2Error(
                                "http_status_" + response.getStatusCode().value());
                    }
                    throw new OAuth2AuthorizationException(error);
                })
                .build();
    }
}
