package nl.deelpoort.gateway.population;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import nl.deelpoort.gateway.population.PopulationRegisterException.Failure;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * How the gateway proves itself to the BRP API: an API key header and/or an OAuth2 bearer token (client credentials).
 *
 * <p>The token comes from a Spring Security {@link OAuth2AuthorizedClientManager} built here and kept private: its
 * client registration lives in its own repository, not in the application context, so the console's OAuth2 login
 * (which auto-configures from the context's registrations) never sees it. The manager caches the token and fetches a
 * new one shortly before it expires.
 */
final class BrpCredentials {

    static final String REGISTRATION = "brp-api";

    /** The principal the client-credentials token is cached under: the gateway itself. */
    private static final String GATEWAY = "deelpoort-gateway";

    private final String apiKeyHeader;
    private final String apiKey;
    private final OAuth2AuthorizedClientManager tokens;

    private BrpCredentials(String apiKeyHeader, String apiKey, OAuth2AuthorizedClientManager tokens) {
        this.apiKeyHeader = apiKeyHeader;
        this.apiKey = apiKey;
        this.tokens = tokens;
    }

    static BrpCredentials of(PopulationSettings settings) {
        PopulationSettings.OAuth2 oauth2 = settings.oauth2();
        OAuth2AuthorizedClientManager tokens =
                oauth2 != null && oauth2.configured() ? manager(oauth2, settings.readTimeout()) : null;
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
        OAuth2AuthorizedClient client;
        try {
            client = tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(GATEWAY)
                    .build());
        } catch (RuntimeException e) {
            // The token endpoint's error may quote the request; only its type is kept.
            throw new PopulationRegisterException(
                    Failure.AUTHENTICATION,
                    "No token for the population register could be obtained ("
                            + e.getClass().getSimpleName() + ").");
        }
        if (client == null) {
            throw new PopulationRegisterException(
                    Failure.AUTHENTICATION, "No token for the population register could be obtained.");
        }
        return client.getAccessToken().getTokenValue();
    }

    private static OAuth2AuthorizedClientManager manager(PopulationSettings.OAuth2 oauth2, Duration timeout) {
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .tokenUri(oauth2.tokenUri().toString())
                .clientId(oauth2.clientId())
                .clientSecret(oauth2.clientSecret());
        if (oauth2.scope() != null && !oauth2.scope().isBlank()) {
            registration.scope(List.of(oauth2.scope().strip().split("\\s+")));
        }
        InMemoryClientRegistrationRepository registrations =
                new InMemoryClientRegistrationRepository(registration.build());
        // The token request gets the same deadline as a query; Spring's default client has none.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(timeout);
        RestClientClientCredentialsTokenResponseClient tokenClient =
                new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                        registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokenClient))
                .build());
        return manager;
    }
}
