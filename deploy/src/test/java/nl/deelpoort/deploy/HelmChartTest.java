package nl.deelpoort.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart (deploy/helm/deelpoort) renders with Helm itself (helm-java: Helm's Go code as a
 * native library from Maven Central, no helm binary, no cluster) and every rendered object is valid
 * Kubernetes: against the API's OpenAPI schemas (types, required fields) and without fields the API
 * does not know. Deliberately broken values must fail both checks, so the validators are shown to bite.
 */
class HelmChartTest {

    private static final Path ROOT = Path.of(System.getProperty("deelpoort.root", ".."));
    private static final Path CHART = ROOT.resolve("deploy/helm/deelpoort");
    private static final Path PRODUCTION = ROOT.resolve("deploy/helm/values-production.example.yaml");
    private static final Path OUT = Path.of("target/rendered");

    /**
     * Rendered for the Kubernetes version of the schemas (kubernetes-models 5.1.0 names 1.27.1), the
     * chart's lowest (Chart.yaml kubeVersion); Helm's library would otherwise assume 1.20.
     */
    private static final String KUBE_VERSION = "1.27.1";

    @Test
    void lintsCleanly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultValuesRenderValidObjects() throws Exception {
        List<Map<String, Object>> objects = renderAndValidate("default", t -> t);

        assertThat(KubernetesObjects.byName(objects))
                .containsOnlyKeys(
                        "ServiceAccount/deelpoort",
                        "Service/deelpoort",
                        "Deployment/deelpoort",
                        "PodDisruptionBudget/deelpoort");
        Map<String, Object> container = gatewayContainer(objects);
        assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(path(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "resources", "requests", "memory")).isEqualTo("768Mi");
        assertThat(path(container, "resources", "limits", "memory")).isEqualTo("1536Mi");
        assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(container.get("image")).isEqualTo("registry.example.nl/deelpoort/gateway:0.1.0-SNAPSHOT");
    }

    @Test
    void secretsAreOnlyReferencedNeverWritten() throws Exception {
        List<Map<String, Object>> objects = renderAndValidate("default-secrets", t -> t);

        assertThat(objects).noneMatch(o -> "Secret".equals(o.get("kind")));
        Map<String, Object> env = envByName(gatewayContainer(objects));
        assertThat(secretRef(env, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("deelpoort-database/app-password");
        assertThat(secretRef(env, "SPRING_FLYWAY_PASSWORD")).isEqualTo("deelpoort-database/owner-password");
        assertThat(secretRef(env, "DEELPOORT_LOG_PSEUDONYM_KEY")).isEqualTo("deelpoort-keys/log-pseudonym-key");
        assertThat(secretRef(env, "DEELPOORT_EXCHANGE_KEYS_K1")).isEqualTo("deelpoort-keys/exchange-key-k1");
        assertThat(secretRef(env, "DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET"))
                .isEqualTo("deelpoort-keycloak/admin-client-secret");
        assertThat(secretRef(env, "DEELPOORT_CONSOLE_CLIENT_SECRET"))
                .isEqualTo("deelpoort-keycloak/console-client-secret");
        // The signing key is a file (C2SP PRIVATE+KEY+… form) mounted from the keys Secret.
        assertThat(value(env, "DEELPOORT_LOG_SIGNING_KEY_FILE")).isEqualTo("/etc/deelpoort/keys/log-signing-key");
        // Keycloak and PostgreSQL are external: nothing of theirs is rendered, only their addresses.
        assertThat(value(env, "DEELPOORT_SECURITY_ISSUER")).isEqualTo("https://login.example.nl/realms/deelpoort");
        assertThat(value(env, "DEELPOORT_SECURITY_JWK_SET_URI"))
                .isEqualTo("https://login.example.nl/realms/deelpoort/protocol/openid-connect/certs");
        assertThat(value(env, "SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgresql:5432/deelpoort");
        assertThat(value(env, "DEELPOORT_API_CONTACT_EMAIL")).isEqualTo("servicedesk@example.nl");
    }

    @Test
    void productionValuesRenderValidObjects() throws Exception {
        List<Map<String, Object>> objects = renderAndValidate("production", t -> t.withValuesFile(PRODUCTION));

        Map<String, Map<String, Object>> named = KubernetesObjects.byName(objects);
        assertThat(named).containsKey("Ingress/deelpoort");
        assertThat(path(named.get("Ingress/deelpoort"), "spec", "tls"))
                .isEqualTo(List.of(Map.of(
                        "hosts", List.of("deelpoort.gemeente.example.nl"), "secretName", "deelpoort-gemeente-tls")));
        Map<String, Object> container = gatewayContainer(objects);
        assertThat((String) container.get("image")).endsWith("@sha256:" + "0".repeat(64));
        Map<String, Object> env = envByName(container);
        assertThat(secretRef(env, "DEELPOORT_EXCHANGE_KEYS_K2026")).isEqualTo("deelpoort-keys/exchange-key-k2026");
        assertThat(secretRef(env, "DEELPOORT_EXCHANGE_KEYS_K2027")).isEqualTo("deelpoort-keys/exchange-key-k2027");
        assertThat(value(env, "DEELPOORT_EXCHANGE_ACTIVE_KEY")).isEqualTo("k2027");
        assertThat(value(env, "DEELPOORT_FRAMEWORK_FILE")).isEqualTo("/etc/deelpoort/framework/framework.yaml");
        assertThat(value(env, "DEELPOORT_API_CONTACT_NAME")).isEqualTo("Servicedesk Gemeente Voorbeeld");
        assertThat(path(named.get("Deployment/deelpoort"), "spec", "replicas")).isEqualTo(3);
    }

    @Test
    void aWrongTypeFailsTheSchemaCheck() throws Exception {
        Path rendered = render("broken-type", t -> t.set("service.port", "http-port"));

        KubernetesObjects.SchemaResult result = KubernetesObjects.validateSchemas(rendered);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("Service/deelpoort: data/spec/ports/0/port must be integer");
    }

    @Test
    void aMissingRequiredFieldFailsTheSchemaCheck() throws Exception {
        // An extra environment variable without its name.
        Path rendered = render("broken-required", t -> t.set("extraEnv[0].value", "x"));

        KubernetesObjects.SchemaResult result = KubernetesObjects.validateSchemas(rendered);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .containsPattern("Deployment/deelpoort: data/spec/template/spec/containers/0/env/\\d+"
                        + " must have required property name");
    }

    @Test
    void aMisspeltFieldFailsTheUnknownFieldCheck() throws Exception {
        // valueFrom misspelt: the schemas let it through, the API server would drop it silently.
        Path rendered = render(
                "broken-unknown",
                t -> t.set("extraEnv[0].name", "DEELPOORT_X").set("extraEnv[0].valueFromm.secretKeyRef.name", "s"));
        List<Map<String, Object>> objects = KubernetesObjects.parse(Files.readString(rendered));

        List<String> unknown = objects.stream()
                .flatMap(o -> KubernetesObjects.unknownFields(o).stream())
                .toList();

        assertThat(unknown)
                .singleElement()
                .asString()
                .matches("Deployment/deelpoort: spec\\.template\\.spec\\.containers\\[0]\\.env\\[\\d+]\\.valueFromm");
        // The OpenAPI schemas alone let it through: that is why both checks run.
        assertThat(KubernetesObjects.validateSchemas(rendered).exitCode()).isZero();
    }

    @Test
    void valuesThatContradictEachOtherStopTheRendering() {
        assertThatThrownBy(() -> render("broken-active-key", t -> t.set("exchange.activeKey", "k9")))
                .hasMessageContaining("exchange.activeKey must be one of exchange.keyIds");
        assertThatThrownBy(() -> render("broken-issuer", t -> t.set("keycloak.issuer", "login.example.nl")))
                .hasMessageContaining("keycloak.issuer must be the realm's URL");
    }

    // --- rendering and validation

    private static Path render(String name, UnaryOperator<TemplateCommand> values) throws IOException {
        String yaml = values.apply(new Helm(CHART)
                        .template()
                        .withName("deelpoort")
                        .withNamespace("deelpoort")
                        .withKubeVersion(KUBE_VERSION))
                .call();
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Renders, then asserts that every object passes both checks. */
    private static List<Map<String, Object>> renderAndValidate(String name, UnaryOperator<TemplateCommand> values)
            throws Exception {
        Path rendered = render(name, values);
        List<Map<String, Object>> objects = KubernetesObjects.parse(Files.readString(rendered));
        assertThat(objects).isNotEmpty();

        KubernetesObjects.SchemaResult schemas = KubernetesObjects.validateSchemas(rendered);
        assertThat(schemas.exitCode()).as(schemas.output()).isZero();
        assertThat(schemas.output()).contains("checked " + objects.size() + " objects, 0 problems");
        for (Map<String, Object> object : objects) {
            assertThat(KubernetesObjects.unknownFields(object))
                    .as(KubernetesObjects.name(object))
                    .isEmpty();
        }
        return objects;
    }

    // --- reading the rendered objects

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> object, String... keys) {
        Object current = object;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gatewayContainer(List<Map<String, Object>> objects) {
        Map<String, Object> deployment = KubernetesObjects.byName(objects).get("Deployment/deelpoort");
        List<Map<String, Object>> containers =
                (List<Map<String, Object>>) path(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envByName(Map<String, Object> container) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) container.get("env")).forEach(e -> env.put((String) e.get("name"), e));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static String value(Map<String, Object> env, String name) {
        assertThat(env).containsKey(name);
        return (String) ((Map<String, Object>) env.get(name)).get("value");
    }

    @SuppressWarnings("unchecked")
    private static String secretRef(Map<String, Object> env, String name) {
        assertThat(env).containsKey(name);
        Map<String, Object> ref =
                (Map<String, Object>) path((Map<String, Object>) env.get(name), "valueFrom", "secretKeyRef");
        assertThat(ref).as(name + " comes from a Secret").isNotNull();
        return ref.get("name") + "/" + ref.get("key");
    }
}
