package nl.deelpoort.gateway.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import nl.deelpoort.gateway.population.PopulationRegisterException.Failure;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.keycloak.DemoRealm;
import org.junit.jupiter.api.Test;

/**
 * The BRP's client-credentials token through the shared {@code outbound.ClientCredentials}, against the real
 * Keycloak: obtained and reused, and a refusal mapped onto the register's own {@code AUTHENTICATION} failure.
 */
class BrpCredentialsIT {

    private static final String SECRET = DemoRealm.systemClientSecret("plusteam");

    private static BrpCredentials credentials(String clientSecret) {
        URI tokenUri = URI.create(TestServices.get().keycloak().tokenEndpoint());
        PopulationSettings settings = new PopulationSettings(
                URI.create("http://127.0.0.1:1/brp"),
                "k3y",
                null,
                new PopulationSettings.OAuth2(tokenUri, DemoRealm.systemClientId("plusteam"), clientSecret, null),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                null,
                null,
                null,
                null);
        return BrpCredentials.of(settings, Clock.systemUTC());
    }

    private static HttpRequest applied(BrpCredentials credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/brp/personen"));
        credentials.apply(request);
        return request.build();
    }

    @Test
    void obtainsAndReusesATokenBesideTheApiKey() {
        BrpCredentials credentials = credentials(SECRET);
        HttpRequest first = applied(credentials);
        HttpRequest second = applied(credentials);
        assertThat(first.headers().firstValue("X-API-KEY")).hasValue("k3y");
        assertThat(first.headers().firstValue("Authorization")).get().asString().matches("Bearer ey[A-Za-z0-9._-]+");
        // Keycloak issues a new token (new jti, iat) on every request: the same header twice means reused.
        assertThat(second.headers().firstValue("Authorization"))
                .isEqualTo(first.headers().firstValue("Authorization"));
    }

    @Test
    void aWrongClientSecretIsTheRegistersAuthenticationFailureNamingOnlyTheErrorCode() {
        BrpCredentials credentials = credentials("wr0ng-s3cret");
        assertThatThrownBy(() -> applied(credentials)).isInstanceOfSatisfying(PopulationRegisterException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
            assertThat(e).hasNoCause();
            assertThat(e.getMessage()).contains("unauthorized_client").doesNotContain("wr0ng-s3cret");
        });
    }
}
