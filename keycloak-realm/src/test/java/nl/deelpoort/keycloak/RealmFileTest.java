package nl.deelpoort.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RealmFileTest {

    private final JsonNode realm = JsonMapper.builder().build().readTree(KeycloakLauncher.realmJson());

    @Test
    void realmIsDeelpoortWithOrganisationsEnabled() {
        assertThat(realm.path("realm").asString()).isEqualTo("deelpoort");
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
    }

    @Test
    void everyOrganisationIsAKeycloakOrganisationWithASystemClient() {
        List<String> aliases = texts(realm.path("organizations"), "alias");
        assertThat(aliases).containsExactlyInAnyOrderElementsOf(DemoRealm.ORGANISATIONS);
        for (String org : DemoRealm.ORGANISATIONS) {
            JsonNode client = client(DemoRealm.systemClientId(org));
            assertThat(client.path("serviceAccountsEnabled").asBoolean())
                    .as(org)
                    .isTrue();
            assertThat(client.path("secret").asString()).isEqualTo(DemoRealm.systemClientSecret(org));
            assertThat(mapperTypes(client)).contains("oidc-hardcoded-claim-mapper", "oidc-audience-mapper");
        }
    }

    @Test
    void realmRolesAreTheFiveOfTheContract() {
        assertThat(texts(realm.path("roles").path("realm"), "name"))
                .containsExactlyInAnyOrder(
                        "professional", "privacy-officer", "resident", "gateway-admin", "partner-system");
    }

    @Test
    void demoUsersHaveTheirRoleAndMembership() {
        for (DemoRealm.DemoUser demo : DemoRealm.USERS) {
            JsonNode user = StreamSupport.stream(realm.path("users").spliterator(), false)
                    .filter(u -> u.path("username").asString().equals(demo.username()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("missing user " + demo.username()));
            assertThat(texts(user.path("realmRoles"))).as(demo.username()).containsExactly(demo.realmRole());
            List<String> memberships = new ArrayList<>();
            for (JsonNode org : realm.path("organizations")) {
                if (texts(org.path("members"), "username").contains(demo.username())) {
                    memberships.add(org.path("alias").asString());
                }
            }
            assertThat(memberships)
                    .as(demo.username())
                    .containsExactlyElementsOf(demo.organisation().stream().toList());
        }
    }

    @Test
    void interactiveClientsCarryAudienceOrganisationAndBsn() {
        for (String id : List.of("deelpoort-cli", "deelpoort-console")) {
            JsonNode client = client(id);
            assertThat(texts(client.path("defaultClientScopes"))).as(id).contains("organization", "roles", "basic");
            assertThat(mapperTypes(client)).as(id).contains("oidc-audience-mapper", "oidc-usermodel-attribute-mapper");
        }
    }

    @Test
    void gatewayServiceAccountMayManageOrganisationsClientsAndUsers() {
        JsonNode gateway = client(DemoRealm.AUDIENCE);
        assertThat(gateway.path("serviceAccountsEnabled").asBoolean()).isTrue();
        JsonNode account = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> u.path("serviceAccountClientId").asString().equals(DemoRealm.AUDIENCE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("missing service account of " + DemoRealm.AUDIENCE));
        assertThat(account.path("username").asString()).isEqualTo("service-account-deelpoort-gateway");
        // Tried against Keycloak 26.7: Organizations need manage-realm (view-realm is not enough even to
        // list them), the client and its secret manage-clients, the partner-system mapping manage-users.
        assertThat(texts(account.path("clientRoles").path("realm-management")))
                .containsExactlyInAnyOrder("manage-realm", "manage-clients", "manage-users");
    }

    private JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asString().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("missing client " + clientId));
    }

    private static List<String> mapperTypes(JsonNode client) {
        return texts(client.path("protocolMappers"), "protocolMapper");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
