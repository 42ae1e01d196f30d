package nl.deelpoort.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production realm keeps its promises (no people, no secrets, no password grant, OTP for the
 * privileged roles) and the dev realm is exactly production + overlay.
 */
class RealmFilesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode production = RealmOverlay.read(RealmOverlay.PRODUCTION);
    private final ObjectNode dev = RealmOverlay.read(RealmOverlay.DEV);

    @Test
    void committedDevRealmIsProductionPlusOverlay() {
        assertThat(dev)
                .as(
                        "%s must be %s merged with %s; regenerate with: %s",
                        RealmOverlay.DEV, RealmOverlay.PRODUCTION, RealmOverlay.OVERLAY, RealmOverlay.REGENERATE)
                .isEqualTo(RealmOverlay.devRealm());
    }

    @Test
    void productionRealmHasNoPeopleOnlyTheGatewaysServiceAccount() {
        List<String> users = new ArrayList<>();
        production.path("users").forEach(u -> users.add(u.path("username").asString()));
        assertThat(users).containsExactly("service-account-deelpoort-gateway");
        production.path("users").forEach(u -> {
            assertThat(u.path("serviceAccountClientId").asString()).isEqualTo(DemoRealm.AUDIENCE);
            assertThat(u.has("credentials")).isFalse();
        });
        assertThat(production.path("organizations")).isEmpty();
    }

    @Test
    void productionRealmAllowsNoPasswordGrantAndNoPublicClient() {
        for (JsonNode client : production.path("clients")) {
            String id = client.path("clientId").asString();
            assertThat(client.path("directAccessGrantsEnabled").isBoolean())
                    .as("%s states directAccessGrantsEnabled (Keycloak's default is true)", id)
                    .isTrue();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as(id)
                    .isFalse();
            assertThat(client.path("publicClient").asBoolean()).as(id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
        }
    }

    @Test
    void productionSecretsAreEnvironmentPlaceholders() {
        Map<String, String> secrets = new TreeMap<>();
        for (JsonNode client : production.path("clients")) {
            secrets.put(
                    client.path("clientId").asString(), client.path("secret").asString());
        }
        assertThat(secrets)
                .containsEntry("deelpoort-gateway", "${DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET}")
                .containsEntry("deelpoort-console", "${DEELPOORT_CONSOLE_CLIENT_SECRET}");
        // Nothing else in the file that looks like a credential, and no dev host.
        String text = JSON.writeValueAsString(production);
        assertThat(text).doesNotContain("-secret\"", "\"demo\"", "localhost", "\"credentials\"");
        List<String> secretValues = new ArrayList<>();
        collect(production, "secret", secretValues);
        collect(production, "value", secretValues);
        assertThat(secretValues).allSatisfy(v -> assertThat(v).matches(PLACEHOLDER));
    }

    @Test
    void productionRealmHardening() {
        assertThat(production.path("sslRequired").asString()).isEqualTo("external");
        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(production.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(production.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(production.path("accessTokenLifespan").asInt()).isBetween(60, 600);
        assertThat(production.path("ssoSessionIdleTimeout").asInt()).isBetween(300, 3600);
        assertThat(production.path("passwordPolicy").asString()).contains("length(12)");
    }

    @Test
    void productionBrowserFlowDemandsOtpOfPrivacyOfficersAndGatewayAdministrators() {
        String browser = production.path("browserFlow").asString();
        JsonNode forms = subflows(flow(browser)).stream()
                .map(this::flow)
                .filter(f -> executions(f).contains("auth-username-password-form"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no password form below " + browser));
        List<String> realmRoles = new ArrayList<>();
        production
                .path("roles")
                .path("realm")
                .forEach(r -> realmRoles.add(r.path("name").asString()));
        List<String> otpRoles = new ArrayList<>();
        for (JsonNode execution : forms.path("authenticationExecutions")) {
            if (!execution.path("authenticatorFlow").asBoolean()) {
                continue;
            }
            assertThat(execution.path("requirement").asString()).isEqualTo("CONDITIONAL");
            JsonNode sub = flow(execution.path("flowAlias").asString());
            List<String> roles = new ArrayList<>();
            for (JsonNode step : sub.path("authenticationExecutions")) {
                if (step.path("authenticator").asString().equals("conditional-user-role")) {
                    JsonNode config = config(step.path("authenticatorConfig").asString());
                    if (!config.path("negate").asString().equals("true")) {
                        roles.add(config.path("condUserRole").asString());
                    }
                }
                if (step.path("authenticator").asString().equals("auth-otp-form")) {
                    assertThat(step.path("requirement").asString()).isEqualTo("REQUIRED");
                }
            }
            boolean whenConfigured = executions(sub).contains("conditional-user-configured");
            if (!whenConfigured && executions(sub).contains("auth-otp-form")) {
                otpRoles.addAll(roles);
            }
        }
        assertThat(otpRoles).containsExactlyInAnyOrder("privacy-officer", "gateway-admin");
        assertThat(realmRoles).containsAll(otpRoles);
    }

    @Test
    void devRealmRestoresThePlainBrowserFlowAndDevSecrets() {
        assertThat(dev.path("browserFlow").asString()).isEqualTo("browser");
        assertThat(secretOf(dev, "deelpoort-gateway")).isEqualTo("deelpoort-gateway-secret");
        assertThat(secretOf(dev, "deelpoort-console")).isEqualTo("deelpoort-console-secret");
        assertThat(JSON.writeValueAsString(dev)).doesNotContain("${DEELPOORT_");
    }

    @Test
    void mergeMergesObjectsAndKeyedArraysAndReplacesTheRest() {
        ObjectNode base = (ObjectNode) JSON.readTree("""
                {"a": 1, "o": {"x": 1, "y": 2}, "tags": ["p", "q"],
                 "clients": [{"clientId": "c1", "secret": "${S}", "n": 1}, {"clientId": "c2"}]}""");
        ObjectNode overlay = (ObjectNode) JSON.readTree("""
                {"a": 2, "o": {"y": 3}, "tags": ["r"],
                 "clients": [{"clientId": "c1", "secret": "dev"}, {"clientId": "c3"}]}""");
        ObjectNode merged = RealmOverlay.merge(base, overlay);
        assertThat(merged).isEqualTo(JSON.readTree("""
                {"a": 2, "o": {"x": 1, "y": 3}, "tags": ["r"],
                 "clients": [{"clientId": "c1", "secret": "dev", "n": 1}, {"clientId": "c2"}, {"clientId": "c3"}]}"""));
        assertThat(base.path("clients").get(0).path("secret").asString())
                .as("the production tree is not changed")
                .isEqualTo("${S}");
    }

    /** The JSON path of the first difference, or null when equal. */
    private static String firstDifference(String path, JsonNode actual, JsonNode expected) {
        if (actual.isObject() && expected.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(actual.propertyNames());
            names.addAll(expected.propertyNames());
            for (String name : names) {
                String d = firstDifference(path + "/" + name, actual.path(name), expected.path(name));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (actual.isArray() && expected.isArray()) {
            for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
                String d = firstDifference(path + "[" + i + "]", actual.path(i), expected.path(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return actual.equals(expected) ? null : path + " (committed " + actual + ", merge " + expected + ")";
    }

    private static String secretOf(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asString().equals(clientId))
                .findFirst()
                .orElseThrow()
                .path("secret")
                .asString();
    }

    private JsonNode flow(String alias) {
        return StreamSupport.stream(production.path("authenticationFlows").spliterator(), false)
                .filter(f -> f.path("alias").asString().equals(alias))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no flow " + alias));
    }

    private JsonNode config(String alias) {
        return StreamSupport.stream(production.path("authenticatorConfig").spliterator(), false)
                .filter(f -> f.path("alias").asString().equals(alias))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no authenticator config " + alias))
                .path("config");
    }

    private static List<String> subflows(JsonNode flow) {
        List<String> out = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(e -> {
            if (e.path("authenticatorFlow").asBoolean()) {
                out.add(e.path("flowAlias").asString());
            }
        });
        return out;
    }

    private static List<String> executions(JsonNode flow) {
        List<String> out = new ArrayList<>();
        flow.path("authenticationExecutions")
                .forEach(e -> out.add(e.path("authenticator").asString()));
        return out;
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals(field) && e.getValue().isString()) {
                    out.add(e.getValue().asString());
                }
                collect(e.getValue(), field, out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, out));
        }
    }
}
