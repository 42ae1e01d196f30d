package nl.deelpoort.gateway.onboarding;

import jakarta.ws.rs.client.Client;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

    /**
     * The admin client, as the gateway's own service account (client-credentials grant). It fetches a
     * token only on first use, so a Keycloak that is down does not stop the gateway from starting.
     * The HTTP client is Keycloak's default one plus timeouts: without them a hung Keycloak would hold
     * an admin's request, and the start-up check, for ever.
     */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakAdminSettings configured, Environment environment) {
        KeycloakAdminSettings settings = effective(configured, environment);
        Client http = ResteasyClientClassicProvider.createClientBuilder()
                .register(JacksonProvider.class, 100)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(settings.serverUrl().toString())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.clientId())
                .clientSecret(settings.hasClientSecret() ? settings.clientSecret() : "")
                .resteasyClient(http)
                .build();
    }

    @Bean
    PartnerOnboarding partnerOnboarding(
            Keycloak keycloakAdmin, KeycloakAdminSettings settings, Environment environment) {
        return new PartnerOnboarding(keycloakAdmin, effective(settings, environment));
    }

    @Bean
    RealmCheck realmCheck(Keycloak keycloakAdmin, KeycloakAdminSettings settings, Environment environment) {
        return new RealmCheck(keycloakAdmin, effective(settings, environment));
    }

    /** Server URL and realm follow the token issuer unless set, so one setting points at Keycloak. */
    static KeycloakAdminSettings effective(KeycloakAdminSettings settings, Environment environment) {
        return settings.withDefaultsFrom(environment.getRequiredProperty("deelpoort.security.issuer", URI.class));
    }
}
