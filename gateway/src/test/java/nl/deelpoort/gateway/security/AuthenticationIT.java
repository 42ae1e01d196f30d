package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.keycloak.Tokens;
import org.junit.jupiter.api.Test;

/** Real tokens from the real Keycloak, and real tokens bent out of shape: the edge fails closed. */
class AuthenticationIT extends IntegrationTest {

    @Test
    void noTokenIs401ProblemWithChallenge() {
        Api.Response r = api().get("/api/v1/me", null);
        assertUnauthenticated(r);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthenticated(api().get("/api/v1/me", "not-a-jwt"));
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = tokens().user("anna.plusteam").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("anna.plusteam", "kees.beheer");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertUnauthenticated(api().get("/api/v1/me", forged));
    }

    @Test
    void algNoneIs401() {
        String[] parts = tokens().user("anna.plusteam").split("\\.");
        String header =
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        assertUnauthenticated(api().get("/api/v1/me", header + "." + parts[1] + "."));
    }

    @Test
    void tokenOfAnotherRealmIs401() {
        String master = new Tokens(
                        TestServices.get().keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token")
                .passwordFor("admin-cli", KeycloakLauncher.DEV_ADMIN_USER, KeycloakLauncher.DEV_ADMIN_PASSWORD);
        assertUnauthenticated(api().get("/api/v1/me", master));
    }

    @Test
    void tokenWithoutTheGatewayAudienceIs401() {
        String other = tokens().passwordFor("admin-cli", "anna.plusteam", "demo");
        assertUnauthenticated(api().get("/api/v1/me", other));
    }

    @Test
    void validTokenIs200() {
        assertThat(api().get("/api/v1/me", tokens().user("anna.plusteam")).status())
                .isEqualTo(200);
    }

    private static void assertUnauthenticated(Api.Response r) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:unauthenticated");
        assertThat(r.json().path("status").asInt()).isEqualTo(401);
    }
}
