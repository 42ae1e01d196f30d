package nl.deelpoort.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's login at Keycloak: authorization code with PKCE for the confidential client
 * {@code deelpoort-console}, endpoints derived from the realm's issuer (no discovery call at start, as
 * for the API). The person's {@link Caller} is read from the access token that login returns, through
 * the same {@link JwtDecoder} as an API call, so the console and the API know a person the same way.
 */
final class ConsoleLogin {

    static final String REGISTRATION_ID = "deelpoort-console";
    /** Where a login starts, followed by the registration id. */
    static final String AUTHORIZATION_PATH = "/console/oauth2/authorization";
    /** Where the browser starts a login; the console's entry point sends anyone unknown here. */
    static final String LOGIN_PATH = "/console/oauth2/authorization/" + REGISTRATION_ID;

    private static final Logger log = LoggerFactory.getLogger(ConsoleLogin.class);

    private ConsoleLogin() {}

    /**
     * The one registration, or none when the console has no client secret (the start page then says
     * the console is not set up). Browser-facing endpoints sit under the issuer; server-to-server ones
     * under the JWK set's base, which differs only where the gateway reaches Keycloak another way.
     */
    static ClientRegistrationRepository registrations(SecuritySettings security, ConsoleSettings console) {
        if (!console.configured()) {
            log.warn("deelpoort.console.client-secret is not set: the web console offers no login.");
            return id -> null;
        }
        String browser = security.issuer() + "/protocol/openid-connect";
        String server = security.effectiveJwkSetUri().toString().replaceFirst("/certs$", "");
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(console.clientId())
                .clientSecret(console.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "organization")
                .authorizationUri(browser + "/auth")
                .tokenUri(server + "/token")
                .jwkSetUri(security.effectiveJwkSetUri().toString())
                .userInfoUri(server + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(security.issuer().toString())
                .providerConfigurationMetadata(
                        java.util.Map.of("end_session_endpoint", URI.create(browser + "/logout")))
                .clientName("Deelpoort")
                .build();
        return id -> REGISTRATION_ID.equals(id) ? registration : null;
    }

    /**
     * Starts a login ({@code /console/oauth2/authorization/<id>}) with PKCE. An id other than the
     * console's names no login: Spring would answer it with a 500; here it is no login request at
     * all, so the page is refused like any unknown console page (anonymous: sent to sign in).
     */
    static OAuth2AuthorizationRequestResolver authorizationRequests(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_PATH);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                String prefix = AUTHORIZATION_PATH + "/";
                if (path.startsWith(prefix) && unknown(path.substring(prefix.length()))) {
                    return null;
                }
                return resolver.resolve(request);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return unknown(registrationId) ? null : resolver.resolve(request, registrationId);
            }

            private boolean unknown(String registrationId) {
                return registrationId != null && registrations.findByRegistrationId(registrationId) == null;
            }
        };
    }

    /** Login's user service: the OIDC user, carrying the {@link Caller} of its access token. */
    static OAuth2UserService<OidcUserRequest, OidcUser> users(JwtDecoder decoder) {
        OidcUserService oidc = new OidcUserService();
        return request -> {
            OidcUser user = oidc.loadUser(request);
            Jwt access = decode(decoder, request.getAccessToken().getTokenValue());
            Caller caller = CallerClaims.from(access);
            return new ConsoleUser(authorities(access), user.getIdToken(), user.getUserInfo(), caller);
        };
    }

    private static Jwt decode(JwtDecoder decoder, String token) {
        try {
            return decoder.decode(token);
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_token", "The access token of the login was refused", null), e);
        }
    }

    private static List<GrantedAuthority> authorities(Jwt access) {
        return CallerClaims.authorities(access).stream()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    static OAuth2AuthorizedClientManager clientManager(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients,
            ConsoleSettings settings) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .refreshToken(r -> r.clockSkew(settings.refreshBefore()))
                .build());
        return manager;
    }

    /**
     * Keeps a console session as alive as the Keycloak session behind it: before each page, the
     * access token is refreshed when it is about to expire, and the {@link Caller} read again from the
     * new token (roles or organisation may have changed). A refused refresh (session ended at
     * Keycloak, user disabled) ends the console session and sends the person to the start page.
     */
    static final class SessionFilter extends OncePerRequestFilter {

        private final OAuth2AuthorizedClientManager clients;
        private final JwtDecoder decoder;
        private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

        SessionFilter(OAuth2AuthorizedClientManager clients, JwtDecoder decoder) {
            this.clients = clients;
            this.decoder = decoder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (contexts.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login
                    && login.getPrincipal() instanceof ConsoleUser user) {
                try {
                    OAuth2AuthorizedClient client =
                            clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                                    .principal(login)
                                    .attribute(HttpServletRequest.class.getName(), request)
                                    .attribute(HttpServletResponse.class.getName(), response)
                                    .build());
                    if (client == null) {
                        throw new IllegalStateException("no authorized client in the session");
                    }
                    refreshCaller(request, response, login, user, client);
                } catch (RuntimeException e) {
                    log.info(
                            "Console session ended: the login at Keycloak is no longer valid ({})",
                            e.getClass().getSimpleName());
                    contexts.clearContext();
                    var session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    response.sendRedirect(request.getContextPath() + "/console?ended");
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private void refreshCaller(
                HttpServletRequest request,
                HttpServletResponse response,
                OAuth2AuthenticationToken login,
                ConsoleUser user,
                OAuth2AuthorizedClient client) {
            var issuedAt = client.getAccessToken().getIssuedAt();
            var current = user.caller();
            Object seen = request.getSession().getAttribute(SessionFilter.class.getName());
            if (issuedAt != null && issuedAt.equals(seen)) {
                return;
            }
            Jwt access = decode(decoder, client.getAccessToken().getTokenValue());
            Caller caller = CallerClaims.from(access);
            List<GrantedAuthority> authorities = authorities(access);
            if (!caller.equals(current) || !authorities.equals(List.copyOf(login.getAuthorities()))) {
                var updated = new OAuth2AuthenticationToken(
                        user.withCaller(caller, authorities), authorities, login.getAuthorizedClientRegistrationId());
                var context = contexts.createEmptyContext();
                context.setAuthentication(updated);
                contexts.setContext(context);
                repository.saveContext(context, request, response);
            }
            request.getSession().setAttribute(SessionFilter.class.getName(), issuedAt);
        }
    }
}
