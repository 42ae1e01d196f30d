package nl.deelpoort.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Boots the real Keycloak with the realm and checks the claims of real tokens. */
class RealmIT {

    private static KeycloakLauncher keycloak;
    private static Tokens tokens;

    @BeforeAll
    static void start() {
        keycloak = KeycloakLauncher.start(KeycloakLauncher.Settings.defaults().withFreePorts());
        tokens = new Tokens(keycloak.tokenEndpoint());
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void everyDemoUserGetsTheClaimsTheContractPromises() {
        for (DemoRealm.DemoUser user : DemoRealm.USERS) {
            JsonNode claims = claims(tokens.user(user.username()));
            assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer());
            assertThat(audiences(claims)).as(user.username()).contains(DemoRealm.AUDIENCE);
            assertThat(claims.path("preferred_username").asString()).isEqualTo(user.username());
            assertThat(strings(claims.path("realm_access").path("roles")))
                    .as(user.username())
                    .contains(user.realmRole());
            assertThat(strings(claims.path("organization")))
                    .as(user.username())
                    .containsExactlyElementsOf(user.organisation().stream().toList());
            if (user.bsn().isPresent()) {
                assertThat(claims.path("bsn").asString()).isEqualTo(user.bsn().get());
            } else {
                assertThat(claims.has("bsn")).as(user.username()).isFalse();
            }
        }
    }

    @Test
    void everyPartnerSystemGetsItsOrganisationAndRole() {
        for (String org : DemoRealm.ORGANISATIONS) {
            JsonNode claims = claims(tokens.system(org));
            assertThat(audiences(claims)).as(org).contains(DemoRealm.AUDIENCE);
            assertThat(strings(claims.path("organization"))).as(org).containsExactly(org);
            assertThat(strings(claims.path("realm_access").path("roles")))
                    .as(org)
                    .contains("partner-system");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.password("anna.plusteam", "wrong"))
                .hasMessageContaining("invalid_grant");
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        byte[] json = Base64.getUrlDecoder().decode(payload);
        return JsonMapper.builder().build().readTree(new String(json, StandardCharsets.UTF_8));
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asString());
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asString());
        }
        return out;
    }
}
