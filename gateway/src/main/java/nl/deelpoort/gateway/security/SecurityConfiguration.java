package nl.deelpoort.gateway.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.servlet.DispatcherType;
import java.net.MalformedURLException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains: the API is a stateless OAuth2 resource server that trusts only access tokens
 * of the deelpoort realm meant for the gateway, with every endpoint's roles in {@link #endpointRoles}
 * and the browser origins that may call it in {@link CorsSettings};
 * the web console ({@code /console}) is a session with a login at Keycloak, CSRF on every form and a
 * strict Content-Security-Policy, with every page's roles in {@link #consolePageRoles}; actuator
 * health and metrics are open for probes. Other paths match no chain: the container's error page
 * {@code /error} (a problem detail naming only a status) and unknown paths (404) reveal nothing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                                .permitAll()
                                .anyRequest()
                                .denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(
            HttpSecurity http, JwtDecoder decoder, BearerTokenResolver bearerTokens, JsonMapper json, CorsSettings cors)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        // CORS by a filter of our own rather than .cors(): the same policy, but a refused origin gets a
        // problem detail instead of Spring's plain-text answer.
        http.securityMatcher("/api/**")
                .cors(c -> c.disable())
                .addFilterBefore(ProblemResponses.corsFilter(cors.source(), json), CsrfFilter.class)
                .authorizeHttpRequests(SecurityConfiguration::endpointRoles)
                .oauth2ResourceServer(o -> o.bearerTokenResolver(bearerTokens)
                        .jwt(j -> j.decoder(decoder)
                                .jwtAuthenticationConverter(jwt -> new JwtAuthenticationToken(
                                        jwt,
                                        CallerClaims.authorities(jwt).stream()
                                                .map(SimpleGrantedAuthority::new)
                                                .toList(),
                                        jwt.getSubject())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(
            HttpSecurity http,
            JwtDecoder decoder,
            SecuritySettings security,
            ConsoleSettings console,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients)
            throws Exception {
        var clients = ConsoleLogin.clientManager(registrations, authorizedClients, console);
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/console");
        var resolver = ConsoleLogin.authorizationRequests(registrations);
        String keycloak =
                security.issuer().getScheme() + "://" + security.issuer().getRawAuthority();
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(SecurityConfiguration::consolePageRoles)
                .oauth2Login(o -> o.authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                        .redirectionEndpoint(r -> r.baseUri("/console/login/oauth2/code/*"))
                        .loginProcessingUrl("/console/login/oauth2/code/*")
                        .userInfoEndpoint(u -> u.oidcUserService(ConsoleLogin.users(decoder)))
                        .authorizedClientRepository(authorizedClients)
                        .loginPage(console.configured() ? ConsoleLogin.LOGIN_PATH : "/console")
                        .failureUrl("/console?failed")
                        .defaultSuccessUrl("/console", false))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessHandler(logout))
                .exceptionHandling(e -> e.accessDeniedPage("/console/forbidden"))
                .addFilterAfter(
                        new ConsoleLogin.SessionFilter(clients, decoder),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none';"
                                + " base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + keycloak))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        // Session fixation: Spring's default, a new session id at login that keeps the attributes (the
        // authorized client saved during the login must survive it).
        return http.build();
    }

    /**
     * Which console pages a person may open, by role: the console's counterpart of {@link
     * #endpointRoles}. A page's actions are still refused by the application services if forced; a
     * page not listed is refused.
     */
    private static void consolePageRoles(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(GET, "/console", "/console/assets/**")
                .permitAll()
                .requestMatchers("/console/forbidden", "/console/logout", "/console/framework/**")
                .authenticated()
                .requestMatchers(
                        "/console/share-check/**",
                        "/console/consents/**",
                        "/console/overrides/**",
                        "/console/measures/**",
                        "/console/inbox/**",
                        "/console/transfers/**")
                .hasRole(Caller.PROFESSIONAL)
                .requestMatchers(
                        "/console/log/**",
                        "/console/reviews/**",
                        "/console/sample/**",
                        "/console/timeline/**",
                        "/console/subject-access/**",
                        "/console/statistics/**",
                        "/console/integrity/**")
                .hasRole(Caller.PRIVACY_OFFICER)
                .requestMatchers("/console/me/**")
                .hasRole(Caller.RESIDENT)
                .anyRequest()
                .denyAll();
    }

    @Bean
    ClientRegistrationRepository consoleRegistrations(SecuritySettings security, ConsoleSettings console) {
        return ConsoleLogin.registrations(security, console);
    }

    @Bean
    OAuth2AuthorizedClientRepository consoleAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /**
     * Who may call what: the one place where the gateway's role rules live (the README's role ×
     * endpoint table, and {@code EndpointRolesIT}, which tries every cell against real tokens).
     * Which organisation's data a caller then sees is decided by the features, by organisation.
     * Anything not listed is refused, so a new endpoint is closed until it gets a line here.
     */
    private static void endpointRoles(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        String professional = Caller.PROFESSIONAL;
        String officer = Caller.PRIVACY_OFFICER;
        String partner = Caller.PARTNER_SYSTEM;
        String admin = Caller.GATEWAY_ADMIN;
        // The contract itself is public (API Design Rules, /core/publish-openapi), as JSON and YAML.
        a.requestMatchers(GET, "/api/v1/openapi.json", "/api/v1/openapi.json.yaml")
                .permitAll()
                .requestMatchers(GET, "/api/v1/me/disclosures", "/api/v1/me/consents")
                .hasRole(Caller.RESIDENT)
                .requestMatchers(POST, "/api/v1/me/consents/*/withdrawal")
                .hasRole(Caller.RESIDENT)
                .requestMatchers(GET, "/api/v1/me", "/api/v1/agreements", "/api/v1/register")
                .authenticated()
                .requestMatchers(GET, "/api/v1/log/checkpoint", "/api/v1/log/public-key")
                .authenticated()
                .requestMatchers(
                        GET,
                        "/api/v1/log/entries/*",
                        "/api/v1/log/entries/*/inclusion-proof",
                        "/api/v1/log/consistency-proof",
                        "/api/v1/log/export",
                        "/api/v1/audit/integrity")
                .hasAnyRole(officer, admin)
                .requestMatchers(GET, "/api/v1/audit/statistics", "/api/v1/audit/export/logboek")
                .hasRole(officer)
                .requestMatchers(
                        POST,
                        "/api/v1/audit/disclosures/search",
                        "/api/v1/audit/timeline",
                        "/api/v1/audit/sample",
                        "/api/v1/audit/subject-access-report",
                        "/api/v1/audit/subject-access-report/officer-note",
                        "/api/v1/audit/subjects/forget")
                .hasRole(officer)
                .requestMatchers(POST, "/api/v1/decisions/evaluate", "/api/v1/disclosures", "/api/v1/transfers")
                .hasAnyRole(professional, partner)
                .requestMatchers(GET, "/api/v1/transfers/inbox", "/api/v1/transfers/*")
                .hasAnyRole(professional, partner)
                .requestMatchers(POST, "/api/v1/consents", "/api/v1/consents/*/withdrawal")
                .hasRole(professional)
                .requestMatchers(POST, "/api/v1/consents/search")
                .hasAnyRole(professional, officer)
                .requestMatchers(GET, "/api/v1/consents/unverified")
                .hasRole(officer)
                .requestMatchers(GET, "/api/v1/consents/*")
                .hasAnyRole(professional, officer)
                .requestMatchers(POST, "/api/v1/overrides", "/api/v1/overrides/*/end")
                .hasRole(professional)
                .requestMatchers(GET, "/api/v1/overrides")
                .hasRole(officer)
                .requestMatchers(POST, "/api/v1/overrides/*/review")
                .hasRole(officer)
                .requestMatchers(POST, "/api/v1/measures", "/api/v1/measures/*/end")
                .hasRole(professional)
                .requestMatchers(POST, "/api/v1/admin/organisations")
                .hasRole(admin)
                .anyRequest()
                .denyAll();
    }

    /**
     * RS256 only (so {@code alg: none} and HMAC tricks fail). The realm's JWK set is cached ({@link
     * SecuritySettings.Jwks}): refetched after the cache time, so a key the realm withdrew is dropped;
     * refetched when a token names an unknown key, at most twice per interval, so a rotated key is
     * taken up and forged key ids cannot make the gateway hammer Keycloak; kept through an outage of
     * the realm, so issued tokens keep validating while Keycloak is down or restarts. The JOSE {@code
     * typ} header is checked with the other rules ({@link #tokenValidator}), not by Nimbus, which
     * would refuse an RFC 9068 {@code at+jwt} access token. A token
     * whose signature was checked is remembered for a short while ({@link VerifiedTokens}), so a key
     * the realm withdrew is trusted at most {@code jwks.cache-ttl} plus {@code verified-token-ttl}.
     *
     * <p>A token whose key cannot be had (the realm unreachable, or the refetches used up) is an
     * invalid token, answered 401 like any other; Spring would make it an internal error (500).
     */
    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        SecuritySettings.Jwks jwks = settings.jwks();
        int timeout = (int) jwks.timeout().toMillis();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            settings.effectiveJwkSetUri().toURL(),
                            new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                    .cache(jwks.cacheTtl().toMillis(), jwks.timeout().toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(jwks.minRefreshInterval().toMillis())
                    .outageTolerant(jwks.outageTolerance().toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("deelpoort.security.jwk-set-uri is no URL", e);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> rules = tokenValidator(settings);
        decoder.setJwtValidator(rules);
        JwtDecoder checked = token -> {
            try {
                return decoder.decode(token);
            } catch (BadJwtException e) {
                throw e;
            } catch (JwtException e) {
                throw new BadJwtException("The token's signing key could not be had: " + e.getMessage(), e);
            }
        };
        return new VerifiedTokens(
                checked, rules, settings.verifiedTokenTtl(), settings.verifiedTokenEntries(), Clock.systemUTC());
    }

    /** The bearer token of an API request ({@link BearerTokenHeader}: Spring's rules, without its regex). */
    @Bean
    BearerTokenResolver bearerTokens() {
        return new BearerTokenHeader();
    }

    /**
     * Spring Security observes authentications and authorisations (a span and a timer each, with their
     * outcome), but not every filter of the chain: each request already has its server span, and
     * wrapping each of a dozen filters in an observation of its own cost a twelfth of an evaluation's
     * CPU (docs/benchmarks/grounds.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthentications(true)
                .shouldObserveAuthorizations(true)
                .build();
    }

    /**
     * Header type {@code JWT} (Keycloak's default), {@code at+jwt} or none; lifetime; issuer; the
     * gateway in the audience; an access token, not an ID or refresh token.
     */
    static OAuth2TokenValidator<Jwt> tokenValidator(SecuritySettings settings) {
        JwtTypeValidator headerType = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
        headerType.setAllowEmpty(true);
        return JwtValidators.createDefaultWithValidators(List.of(
                headerType,
                new JwtIssuerValidator(settings.issuer().toString()),
                new AudienceValidator(settings.audience()),
                new AccessTokenValidator()));
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
