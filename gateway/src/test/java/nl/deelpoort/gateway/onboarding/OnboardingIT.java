package nl.deelpoort.gateway.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.keycloak.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OnboardingIT extends IntegrationTest {

    private static final String PATH = "/api/v1/admin/organisations";

    /** One Keycloak serves the whole test JVM, so each run onboards an id nobody used before. */
    private static String uniqueId(String base) {
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return base + "-" + HexFormat.of().formatHex(suffix);
    }

    @Test
    void anAdministratorOnboardsAnOrganisationWhoseSystemThenActsForIt() {
        String id = uniqueId("gemeente-eindhoven");
        String body = Api.json(Map.of("id", id, "name", "Gemeente Eindhoven", "domain", id + ".nl"));

        Api.Response created = api().post(PATH, tokens().user("kees.beheer"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode answer = created.json();
        assertThat(answer.path("id").asString()).isEqualTo(id);
        assertThat(answer.path("clientId").asString()).isEqualTo(id + "-system");
        assertThat(answer.path("clientSecret").asString()).isNotBlank();
        assertThat(answer.path("organisationId").asString()).isNotBlank();

        String token = new Tokens(TestServices.get().keycloak().tokenEndpoint())
                .clientCredentials(id + "-system", answer.path("clientSecret").asString());
        JsonNode claims = claims(token);
        assertThat(claims.path("aud").toString()).contains("deelpoort-gateway");
        assertThat(claims.path("organization").toString()).isEqualTo("[\"" + id + "\"]");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("partner-system");

        JsonNode me = api().get("/api/v1/me", token).json();
        assertThat(me.path("organisation").asString()).isEqualTo(id);
        assertThat(me.path("client").asString()).isEqualTo(id + "-system");

        Api.Response again = api().post(PATH, tokens().user("kees.beheer"), body);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:conflict");
    }

    @Test
    void theDomainIsOptional() {
        String id = uniqueId("wijkteam");
        Api.Response created =
                api().post(PATH, tokens().user("kees.beheer"), Api.json(Map.of("id", id, "name", "Wijkteam")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("clientId").asString()).isEqualTo(id + "-system");
    }

    @Test
    void aSecondOrganisationWithAnExistingNameIsAConflictAndLeavesNoClientBehind() {
        String id = uniqueId("tweede-plusteam");
        // The realm file's PlusTeam organisation already carries this name.
        Api.Response r =
                api().post(PATH, tokens().user("kees.beheer"), Api.json(Map.of("id", id, "name", "GR PlusTeam")));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        Api.Response retry =
                api().post(PATH, tokens().user("kees.beheer"), Api.json(Map.of("id", id, "name", "Tweede PlusTeam")));
        assertThat(retry.status())
                .as("the failed attempt left nothing that blocks a retry: " + retry.body())
                .isEqualTo(201);
    }

    @Test
    void onlyGatewayAdministratorsMayOnboard() {
        Api.Response r = api().post(
                        PATH,
                        tokens().user("anna.plusteam"),
                        Api.json(Map.of("id", uniqueId("stiekem"), "name", "Stiekem")));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:forbidden");
    }

    @Test
    void aBadIdIsA422NamingIt() {
        Api.Response r = api().post(
                        PATH, tokens().user("kees.beheer"), Api.json(Map.of("id", "Gemeente Eindhoven!", "name", "X")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("invalidFields").get(0).path("field").asString())
                .isEqualTo("id");
        Api.Response none = api().post(PATH, tokens().user("kees.beheer"), "");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().path("invalidFields").get(0).path("problem").asString())
                .isEqualTo("a JSON body is required");
    }

    private static JsonNode claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(payload);
    }
}
