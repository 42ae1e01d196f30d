package nl.deelpoort.gateway.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.mock.env.MockEnvironment;

/** Keycloak not listening: onboarding is a 503 and the realm check only reports, it never throws. */
class KeycloakDownTest {

    private Keycloak keycloak;
    private KeycloakAdminSettings settings;

    @BeforeEach
    void pointAtAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MockEnvironment environment = new MockEnvironment()
                .withProperty("deelpoort.security.issuer", "http://localhost:" + port + "/realms/deelpoort");
        KeycloakAdminSettings configured = new KeycloakAdminSettings(
                null, null, "deelpoort-gateway", "secret", true, Duration.ofSeconds(2), Duration.ofSeconds(2));
        settings = OnboardingConfiguration.effective(configured, environment);
        keycloak = new OnboardingConfiguration().keycloakAdmin(configured, environment);
    }

    @AfterEach
    void close() {
        keycloak.close();
    }

    @Test
    void onboardingIsUnavailable() {
        assertThatThrownBy(() -> new PartnerOnboarding(keycloak, settings)
                        .onboard(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", null).command()))
                .isInstanceOf(KeycloakUnavailableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void theRealmCheckSaysItCouldNotCheck() {
        assertThat(new RealmCheck(keycloak, settings).check())
                .isInstanceOfSatisfying(
                        RealmCheck.Outcome.NotChecked.class,
                        o -> assertThat(o.why()).contains("unreachable"));
    }

    @Test
    void withoutASecretNothingIsTried() {
        KeycloakAdminSettings noSecret = new KeycloakAdminSettings(
                settings.serverUrl(),
                "deelpoort",
                "deelpoort-gateway",
                null,
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        assertThat(new RealmCheck(keycloak, noSecret).check()).isInstanceOf(RealmCheck.Outcome.NotChecked.class);
        assertThatThrownBy(() -> new PartnerOnboarding(keycloak, noSecret)
                        .onboard(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", null).command()))
                .isInstanceOf(KeycloakUnavailableException.class)
                .hasMessageContaining("client-secret");
    }
}
