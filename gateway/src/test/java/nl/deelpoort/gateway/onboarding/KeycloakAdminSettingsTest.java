package nl.deelpoort.gateway.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeycloakAdminSettingsTest {

    private static KeycloakAdminSettings settings(URI serverUrl, String realm, String secret) {
        return new KeycloakAdminSettings(
                serverUrl, realm, "deelpoort-gateway", secret, true, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    @Test
    void serverUrlAndRealmFollowTheIssuer() {
        KeycloakAdminSettings s =
                settings(null, null, "x").withDefaultsFrom(URI.create("http://localhost:8180/realms/deelpoort/"));
        assertThat(s.serverUrl()).isEqualTo(URI.create("http://localhost:8180"));
        assertThat(s.realm()).isEqualTo("deelpoort");
    }

    @Test
    void explicitValuesWin() {
        KeycloakAdminSettings s = settings(URI.create("http://keycloak:8080"), "other", "x")
                .withDefaultsFrom(URI.create("http://localhost:8180/realms/deelpoort"));
        assertThat(s.serverUrl()).isEqualTo(URI.create("http://keycloak:8080"));
        assertThat(s.realm()).isEqualTo("other");
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(settings(null, null, "deelpoort-gateway-secret").toString())
                .doesNotContain("deelpoort-gateway-secret")
                .contains("clientSecret=***");
        assertThat(settings(null, null, " ").hasClientSecret()).isFalse();
    }
}
