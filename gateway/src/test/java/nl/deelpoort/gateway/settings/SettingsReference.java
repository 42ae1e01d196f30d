package nl.deelpoort.gateway.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates {@code docs/settings.md}, the settings reference, from Spring Boot's configuration
 * metadata: the gateway's own ({@code META-INF/spring-configuration-metadata.json}, written at compile
 * time by {@code spring-boot-configuration-processor} from the {@code *Settings} records and their
 * javadoc) for every {@code deelpoort.*} property, and Spring Boot's for the few Spring properties an
 * operator sets. Defaults come from {@code application.yml} (else the metadata); whether production
 * must set a property is the table {@link #PRODUCTION} below.
 *
 * <p>Regenerate with {@value #REGENERATE}; {@code SettingsReferenceTest} fails, naming the property,
 * while the committed file and the metadata disagree.
 */
final class SettingsReference {

    static final String REGENERATE =
            "./mvnw -B -ntp -o -pl gateway test -Dtest=SettingsReferenceTest -Ddeelpoort.settings.write=true";

    static final Path DOCUMENT = Path.of("docs", "settings.md");

    /** Must production set it: "required" (the gateway refuses to start without it) or "yes". */
    static final Map<String, String> PRODUCTION = new LinkedHashMap<>();

    static {
        required("deelpoort.log.signing-key-file");
        required("deelpoort.log.pseudonym-key");
        required("deelpoort.exchange.keys");
        required("deelpoort.exchange.active-key");
        yes("deelpoort.security.issuer", "the production realm's issuer");
        yes("deelpoort.keycloak-admin.client-secret", "the secret the realm import gave client deelpoort-gateway");
        yes("deelpoort.console.client-secret", "the secret the realm import gave client deelpoort-console");
        yes("deelpoort.log.origin", "the operator's own log origin");
        yes("deelpoort.api.contact.name", "the operator's service desk");
        yes("deelpoort.api.contact.email", "the operator's service desk");
        yes("deelpoort.api.contact.url", "the operator's service desk");
        yes("deelpoort.casefiles.default-base-url", "the default points at the local stub");
        yes("deelpoort.casefiles.holders", "each holder's case file system and credentials");
        yes("deelpoort.logboek.base-uri", "the gateway's public address (the Logboek export's URIs)");
        yes("deelpoort.population.base-url", "the BRP API Personen, so that consents are checked against it");
        PRODUCTION.put("spring.profiles.active", "no, and never `dev` (it generates keys)");
        yes("spring.datasource.url", null);
        yes("spring.datasource.username", null);
        yes("spring.datasource.password", null);
        yes("spring.flyway.user", "the schema owner");
        yes("spring.flyway.password", null);
        yes("server.servlet.session.cookie.secure", "true behind TLS");
        yes("logging.structured.format.console", "e.g. ecs or logstash, for the log collector");
    }

    /** Spring Boot properties in the reference besides the {@code deelpoort.*} ones. */
    static final List<String> SPRING = List.of(
            "spring.profiles.active",
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.flyway.url",
            "spring.flyway.user",
            "spring.flyway.password",
            "server.port",
            "server.servlet.session.cookie.secure",
            "management.server.port",
            "logging.structured.format.console",
            "logging.level");

    private static final String OWN_METADATA = "META-INF/spring-configuration-metadata.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Setting(
            String name, String environment, String type, String defaultValue, String production, String description) {

        String row() {
            return "| `" + name + "` | `" + environment + "` | " + cell(type) + " | " + cell(defaultValue) + " | "
                    + cell(production) + " | " + cell(description) + " |";
        }
    }

    private static void required(String property) {
        PRODUCTION.put(property, "**required** (start refused without it, outside the dev profile)");
    }

    private static void yes(String property, String why) {
        PRODUCTION.put(property, why == null ? "yes" : "yes: " + why);
    }

    /** Every setting of the reference, in order: the gateway's, then Spring Boot's. */
    static List<Setting> settings() {
        Map<String, JsonNode> own = new TreeMap<>();
        Map<String, JsonNode> boot = new TreeMap<>();
        readMetadata(own, boot);
        Map<String, Object> yml = applicationYml();
        List<Setting> out = new ArrayList<>();
        for (JsonNode property : own.values()) {
            out.add(setting(property, yml));
        }
        for (String name : SPRING) {
            JsonNode property = boot.get(name);
            if (property == null) {
                throw new IllegalStateException("Spring Boot's configuration metadata has no property " + name
                        + " (SettingsReference.SPRING): renamed in this Spring Boot version?");
            }
            out.add(setting(property, yml));
        }
        return out;
    }

    static String document() {
        StringBuilder md = new StringBuilder();
        md.append("# Settings reference\n\n");
        md.append(
                "<!-- Generated by SettingsReference (gateway tests) from the configuration metadata; do not edit.\n");
        md.append("     Regenerate: ").append(REGENERATE).append(" -->\n\n");
        md.append("Every `deelpoort.*` property of the gateway, and the Spring Boot properties an operator sets.\n");
        md.append("Each property can be set as an environment variable (Spring Boot's relaxed binding: upper case,\n");
        md.append("dots and dashes become underscores; `<ID>` stands for a key of your choosing). Descriptions come\n");
        md.append("from the javadoc of the `*Settings` records; defaults from `application.yml` or the metadata\n");
        md.append("(— : none there; the record may still fall back to a value in code, as its description says).\n\n");
        md.append("**Production** must set what the column says. Outside the `dev` profile the gateway refuses\n");
        md.append("to start while a **required** key is missing, naming the setting; it never generates keys\n");
        md.append("there (docs/design.md, \"Production and development\"). The local stack and the tests run with\n");
        md.append("the `dev` profile and generate missing keys into the data folders.\n");
        String group = null;
        for (Setting s : settings()) {
            String g = group(s.name());
            if (!g.equals(group)) {
                group = g;
                md.append("\n## `").append(g).append("`\n\n");
                md.append("| Property | Environment variable | Type | Default | Production must set | Description |\n");
                md.append("|---|---|---|---|---|---|\n");
            }
            md.append(s.row()).append('\n');
        }
        return md.toString();
    }

    /** deelpoort.log.x → deelpoort.log; spring.datasource.url → spring.datasource; server.port → server. */
    static String group(String name) {
        String[] parts = name.split("\\.");
        if (parts.length <= 2) {
            return parts[0];
        }
        if (parts[0].equals("deelpoort") || parts[0].equals("spring")) {
            return parts[0] + "." + parts[1];
        }
        return parts[0];
    }

    private static Setting setting(JsonNode property, Map<String, Object> yml) {
        String name = property.path("name").asString();
        String type = simpleType(property.path("type").asString(""));
        Object configured = yml.get(name);
        String defaultValue;
        if (configured != null) {
            defaultValue = text(configured);
        } else if (property.has("defaultValue")) {
            defaultValue = text(JSON.convertValue(property.get("defaultValue"), Object.class));
        } else {
            defaultValue = "—";
        }
        String description = property.path("description")
                .asString("")
                .replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? ([^}]*)}", "$1")
                .replaceAll("\\s+", " ")
                .trim();
        return new Setting(
                name,
                environmentVariable(name, type),
                type,
                defaultValue,
                PRODUCTION.getOrDefault(name, "no"),
                description.isEmpty() ? "(no javadoc)" : description);
    }

    /** The environment variable that sets the property; map properties take a key of your choosing. */
    static String environmentVariable(String name, String type) {
        String env = name.toUpperCase().replace('.', '_').replace('-', '_');
        return type.startsWith("Map<") ? env + "_<ID>" : env;
    }

    /** java.util.Map<java.lang.String,java.lang.String> → Map<String,String>. */
    static String simpleType(String type) {
        return type.replaceAll("[a-z][\\w]*\\.", "").replaceAll("\\$", ".");
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? "(none)"
                    : list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static void readMetadata(Map<String, JsonNode> own, Map<String, JsonNode> boot) {
        try {
            for (URL url :
                    Collections.list(SettingsReference.class.getClassLoader().getResources(OWN_METADATA))) {
                boolean gateway = url.getProtocol().equals("file");
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : JSON.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (gateway && name.startsWith("deelpoort.")) {
                            own.put(name, property);
                        } else if (!gateway) {
                            boot.putIfAbsent(name, property);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (own.isEmpty()) {
            throw new IllegalStateException("No deelpoort.* properties in target/classes/" + OWN_METADATA
                    + ": is spring-boot-configuration-processor on the gateway's compile path?");
        }
    }

    /** application.yml flattened to property names (lists kept as lists). */
    static Map<String, Object> applicationYml() {
        try (InputStream in = SettingsReference.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", tree, flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> out) {
        tree.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> map) {
                flatten(name, (Map<String, Object>) map, out);
            } else {
                out.put(name, value);
            }
        });
    }

    /** The repository root (the tests run in the gateway module's folder). */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + here);
    }

    private SettingsReference() {}
}
