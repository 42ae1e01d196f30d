package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.SecuredMockMvc;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.keycloak.DemoRealm;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.keycloak.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real tokens from the real Keycloak, and real tokens bent out of shape: the edge fails closed. */
class AuthenticationIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;

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

    /**
     * Keycloak signs ID tokens with the realm key and the right issuer; the CLI client's carries
     * {@code aud: deelpoort-cli} (the realm's audience mappers put the gateway in access tokens only),
     * so the audience refuses it too. The next test is the one where only the {@code typ} rule stands.
     */
    @Test
    void anIdTokenIsRefused() {
        String idToken = idToken(Map.of(
                "grant_type", "password",
                "client_id", DemoRealm.CLI_CLIENT,
                "username", "anna.plusteam",
                "password", DemoRealm.DEMO_PASSWORD,
                "scope", "openid"));
        JsonNode claims = claims(idToken);
        assertThat(claims.path("typ").asString()).isEqualTo("ID");
        assertThat(claims.path("iss").asString())
                .isEqualTo(TestServices.get().keycloak().issuer());
        assertUnauthenticated(api().get("/api/v1/me", idToken));
    }

    /**
     * The ID token of the client {@code deelpoort-gateway} itself (its service account, client
     * credentials with {@code scope=openid}) names {@code deelpoort-gateway} as its audience: issuer,
     * signature, lifetime and audience all pass, and only the access-token rule refuses it.
     */
    @Test
    void anIdTokenWithTheGatewaysAudienceIsRefused() {
        String idToken = idToken(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                DemoRealm.AUDIENCE,
                "client_secret",
                TestServices.get().gatewayProperties().get("deelpoort.keycloak-admin.client-secret"),
                "scope",
                "openid"));
        JsonNode claims = claims(idToken);
        assertThat(claims.path("typ").asString()).isEqualTo("ID");
        assertThat(claims.path("aud").toString()).contains(DemoRealm.AUDIENCE);
        assertUnauthenticated(api().get("/api/v1/me", idToken));
    }

    @Test
    void anOrganisationClaimThatIsNoOrganisationIdIs403WithoutEchoingIt() throws Exception {
        MvcResult r = asProfessionalOf(List.of("plusteam-"));
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        JsonNode body = JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.path("type").asString()).isEqualTo("urn:deelpoort:problem:organisation-required");
        assertThat(body.toString()).doesNotContain("plusteam-");
        assertThat(body.has("instance")).isFalse();
    }

    @Test
    void severalOrganisationClaimsAre403() throws Exception {
        MvcResult r = asProfessionalOf(List.of("plusteam", "porthos"));
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .path("type")
                        .asString())
                .isEqualTo("urn:deelpoort:problem:organisation-required");
    }

    @Test
    void validTokenIs200() {
        assertThat(api().get("/api/v1/me", tokens().user("anna.plusteam")).status())
                .isEqualTo(200);
    }

    /** The inbox needs the caller's organisation: a token made with {@code jwt()} carries the claim. */
    private MvcResult asProfessionalOf(List<String> organisations) throws Exception {
        return SecuredMockMvc.of(context)
                .perform(get("/api/v1/transfers/inbox")
                        .with(jwt().jwt(j -> j.subject("professional-with-odd-claim")
                                        .claim("organization", organisations)
                                        .claim("realm_access", Map.of("roles", List.of("professional"))))
                                .authorities(new SimpleGrantedAuthority("ROLE_professional"))))
                .andReturn();
    }

    private static String idToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            TestServices.get().keycloak().tokenEndpoint()))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String idToken = JSON.readTree(r.body()).path("id_token").asString();
            assertThat(idToken).as("Keycloak issued an ID token").isNotBlank();
            return idToken;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static void assertUnauthenticated(Api.Response r) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:unauthenticated");
        assertThat(r.json().path("status").asInt()).isEqualTo(401);
    }
}
