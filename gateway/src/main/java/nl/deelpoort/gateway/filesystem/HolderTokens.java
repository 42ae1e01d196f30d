package nl.deelpoort.gateway.filesystem;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.policy.OrganisationId;
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
 * The gateway's tokens for the holders that want the OAuth2 client credentials grant (RFC 6749
 * §4.4), through Spring Security's OAuth2 client: one {@link ClientRegistration} per holder (its id
 * is the holder's organisation id), client authenticated with HTTP Basic, the token reused until
 * {@link #EARLY_REFRESH} before it expires.
 *
 * <p>The repository and the manager are this class's own, never beans: the console's OIDC login has
 * its own {@code ClientRegistrationRepository}, and Spring Boot must not take the holders' clients
 * for login clients (nor the other way round).
 */
final class HolderTokens {

    static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    /** The gateway itself is the resource owner of a client credentials token. */
    private static final String PRINCIPAL = "deelpoort-gateway";

    /** An OAuth2 error code (RFC 6749 §5.2) is safe to name; anything else the server said is not. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,40}");

    private final OAuth2AuthorizedClientManager manager;
    private final Map<OrganisationId, ReentrantLock> locks;

    /**
     * @param clients the holders with CLIENT_CREDENTIALS, by organisation id
     * @param connectTimeout and {@code readTimeout}: the token request's limits
     */
    HolderTokens(
            Map<OrganisationId, CaseFileSettings.Auth> clients,
            Duration connectTimeout,
            Duration readTimeout,
            Clock clock) {
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

    boolean knows(OrganisationId holder) {
        return locks.containsKey(holder);
    }

    /**
     * A valid access token for the holder: the one held, or a new one. Callers for the same holder
     * share one token request.
     *
     * @throws CaseFileException ({@link Failure#AUTHENTICATION}) when the token endpoint cannot be
     *     reached, refuses or answers no token; the message names at most the OAuth2 error code
     */
    String accessToken(OrganisationId holder) {
        ReentrantLock lock = locks.get(holder);
        lock.lock();
        try {
            OAuth2AuthorizedClient client =
                    manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(holder.value())
                            .principal(PRINCIPAL)
                            .build());
            if (client == null) {
                throw failed(holder, "no token was issued");
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            String code = e.getError() == null ? null : e.getError().getErrorCode();
            // Not the exception itself as the cause: its message may quote what the server answered.
            throw failed(
                    holder,
                    code != null && ERROR_CODE.matcher(code).matches()
                            ? "the token endpoint answered " + code
                            : "the token endpoint failed");
        } catch (RuntimeException e) {
            if (e instanceof CaseFileException) {
                throw e;
            }
            throw failed(holder, "the token request failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            lock.unlock();
        }
    }

    private static CaseFileException failed(OrganisationId holder, String what) {
        return new CaseFileException(
                holder, Failure.AUTHENTICATION, "No token for the case file system of " + holder + ": " + what + ".");
    }

    private static ClientRegistration registration(OrganisationId holder, CaseFileSettings.Auth auth) {
        if (auth.tokenUri() == null || auth.clientId() == null || auth.clientSecret() == null) {
            throw new IllegalArgumentException("deelpoort.casefiles.holders." + holder.value()
                    + ".auth.token-uri, client-id and client-secret are required for CLIENT_CREDENTIALS");
        }
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(holder.value())
                .clientId(auth.clientId())
                .clientSecret(auth.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(auth.tokenUri().toString());
        if (auth.scope() != null && !auth.scope().isBlank()) {
            registration.scope(Arrays.asList(auth.scope().strip().split("\\s+")));
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
