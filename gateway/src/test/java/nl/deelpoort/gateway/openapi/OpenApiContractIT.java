package nl.deelpoort.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the gateway serves, held to the contract in words (docs/api.md: every
 * endpoint, query parameter, field and status named there is in the document, and every operation of
 * the document is named there), to Spring MVC's mappings and {@link Operations}, and linted with the
 * API Design Rules (Spectral, run here on the document just fetched: the document exists only while a
 * gateway runs, and a lint in the same test can never read a stale file of an earlier run). Every
 * result fails the test, warnings included: Deelpoort has no exceptions to the rules.
 */
class OpenApiContractIT extends IntegrationTest {

    private static final String DOCUMENT = "/api/v1/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the contract names that the document deliberately leaves out, with why. */
    private static final Map<String, String> NOT_IN_DOCUMENT =
            Map.of("GET " + DOCUMENT, "the document does not describe itself (it is public and has no schema)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void isServedWithoutATokenAsOpenApi31() {
        Api.Response r = api().get(DOCUMENT, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        assertThat(r.header("API-Version"))
                .isEqualTo(doc.path("info").path("version").asString());
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/api/v1");
        JsonNode scheme = doc.path("components").path("securitySchemes").path("keycloak");
        assertThat(scheme.path("type").asString()).isEqualTo("openIdConnect");
        assertThat(scheme.path("openIdConnectUrl").asString())
                .isEqualTo(TestServices.get().gatewayProperties().get("deelpoort.security.issuer")
                        + "/.well-known/openid-configuration");
        assertThat(api().get(DOCUMENT + ".yaml", null).body()).startsWith("openapi: 3.1.");
    }

    @Test
    void everyApiMappingIsAnOperationOfTheDocumentAndARowOfTheTable() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") && !pattern.startsWith(DOCUMENT)) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(operations(document()).keySet()).isEqualTo(mapped);
        assertThat(Operations.ALL.stream().map(Operations.Operation::key).collect(Collectors.toSet()))
                .isEqualTo(mapped);
    }

    @Test
    void everyEndpointOfTheContractIsInTheDocumentAndBack() {
        Set<String> named = new TreeSet<>(ApiContract.read().endpoints.keySet());
        assertThat(named).containsAll(NOT_IN_DOCUMENT.keySet());
        named.removeAll(NOT_IN_DOCUMENT.keySet());
        assertThat(operations(document()).keySet()).isEqualTo(named);
    }

    @Test
    void everyQueryParameterStatusAndFieldOfTheContractIsInTheDocument() {
        JsonNode doc = document();
        Map<String, JsonNode> operations = operations(doc);
        List<String> missing = new ArrayList<>();
        for (ApiContract.Endpoint e : ApiContract.read().endpoints.values()) {
            JsonNode op = operations.get(e.key());
            if (op == null) {
                continue;
            }
            Set<String> parameters = new TreeSet<>();
            op.path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
            e.queryParameters().stream()
                    .filter(q -> !parameters.contains(q))
                    .forEach(q -> missing.add(e.key() + ": query parameter " + q));
            e.statuses().stream()
                    .filter(s -> !op.path("responses").has(String.valueOf(s)))
                    .forEach(s -> missing.add(e.key() + ": status " + s));
            JsonNode body = op.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            e.requestFields().stream()
                    .filter(f -> !hasField(doc, body, f))
                    .forEach(f -> missing.add(e.key() + ": request field " + f));
            e.answerFields().forEach((status, fields) -> {
                JsonNode answer = op.path("responses")
                        .path(String.valueOf(status))
                        .path("content")
                        .path("application/json")
                        .path("schema");
                JsonNode schema = answer.isMissingNode()
                        ? op.path("responses")
                                .path(String.valueOf(status))
                                .path("content")
                                .path("application/x-ndjson")
                                .path("schema")
                        : answer;
                fields.stream()
                        .filter(f -> !hasField(doc, schema, f))
                        .forEach(f -> missing.add(e.key() + ": " + status + " answer field " + f));
            });
        }
        assertThat(missing)
                .as("named in docs/api.md, missing from the document")
                .isEmpty();
    }

    @Test
    void theProblemDetailsAndTheSubjectHaveTheMembersTheContractNames() {
        JsonNode doc = document();
        JsonNode problem = ref(doc, "#/components/schemas/Problem");
        Set<String> members = new TreeSet<>();
        collectProperties(doc, problem, members);
        assertThat(members).containsAll(ApiContract.read().problemMembers());
        assertThat(members).doesNotContain("instance");
        JsonNode evaluate = operations(doc).get("POST /api/v1/decisions/evaluate");
        JsonNode subject = evaluate.path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        ApiContract.read()
                .subjectFields()
                .forEach(f -> assertThat(hasField(doc, subject, "subject." + f))
                        .as("subject." + f)
                        .isTrue());
    }

    @Test
    void everyAnswerIsDescribedWithItsHeadersAndEveryErrorIsAProblemDetail() {
        operations(document())
                .forEach((key, op) -> op.path("responses").properties().forEach(answer -> {
                    int status = Integer.parseInt(answer.getKey());
                    assertThat(answer.getValue().path("headers").has("API-Version"))
                            .as(key + " " + status)
                            .isTrue();
                    if (status >= 400) {
                        assertThat(answer.getValue().path("content").propertyNames())
                                .as(key + " " + status)
                                .containsExactly("application/problem+json");
                    }
                }));
    }

    @Test
    void theDocumentPassesTheApiDesignRules() throws Exception {
        Path spectral = Path.of("target/spectral");
        Path cli = spectral.resolve("node_modules/@stoplight/spectral-cli/dist/index.js");
        assertThat(cli)
                .as("Spectral, installed by the build (spectral-install, npm ci) into target/spectral")
                .exists();
        Path doc = Path.of("target/openapi/openapi.json");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, api().get(DOCUMENT, null).body(), StandardCharsets.UTF_8);
        Path report = Path.of("target/openapi/spectral.json");
        Process lint = new ProcessBuilder(
                        "node",
                        cli.toString(),
                        "lint",
                        "--ruleset",
                        spectral.resolve("adr-ruleset.yaml").toString(),
                        "--format",
                        "json",
                        "--output",
                        report.toString(),
                        "--fail-severity",
                        "error",
                        doc.toString())
                .redirectErrorStream(true)
                .redirectOutput(spectral.resolve("lint.log").toFile())
                .start();
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("Spectral finished").isTrue();
        assertThat(report).as(Files.readString(spectral.resolve("lint.log"))).exists();
        Map<String, List<String>> bySeverity = new TreeMap<>();
        for (JsonNode result : JSON.readTree(report.toFile())) {
            List<String> path = new ArrayList<>();
            result.path("path").forEach(p -> path.add(p.asString()));
            String where = String.join(".", path);
            bySeverity
                    .computeIfAbsent(severity(result.path("severity").asInt()), s -> new ArrayList<>())
                    .add(result.path("code").asString() + " at " + where + ": "
                            + result.path("message").asString());
        }
        assertThat(bySeverity)
                .as("Spectral with the API Design Rules, by severity")
                .isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    private static String severity(int level) {
        return switch (level) {
            case 0 -> "error";
            case 1 -> "warning";
            case 2 -> "info";
            default -> "hint";
        };
    }

    private JsonNode document() {
        Api.Response r = api().get(DOCUMENT, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** "METHOD /api/v1/path" → the operation. */
    private static Map<String, JsonNode> operations(JsonNode doc) {
        String server = doc.path("servers").get(0).path("url").asString();
        Map<String, JsonNode> operations = new TreeMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> operations.put(
                                op.getKey().toUpperCase() + " " + server + path.getKey(), op.getValue())));
        return operations;
    }

    /** Whether {@code path} (e.g. {@code subject.bsn}, {@code withheld.reasons.code}) is in {@code schema}. */
    private static boolean hasField(JsonNode doc, JsonNode schema, String path) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        for (JsonNode candidate : alternatives(doc, schema)) {
            JsonNode property = candidate.path("properties").path(name);
            if (!property.isMissingNode() && (dot < 0 || hasField(doc, property, path.substring(dot + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The object schemas a value of {@code schema} may be: through references, lists and one-of choices. */
    private static List<JsonNode> alternatives(JsonNode doc, JsonNode schema) {
        List<JsonNode> result = new ArrayList<>();
        JsonNode s = schema.has("$ref") ? ref(doc, schema.path("$ref").asString()) : schema;
        if (s.has("items")) {
            return alternatives(doc, s.path("items"));
        }
        result.add(s);
        for (String group : List.of("oneOf", "anyOf", "allOf")) {
            s.path(group).forEach(member -> result.addAll(alternatives(doc, member)));
        }
        return result;
    }

    private static void collectProperties(JsonNode doc, JsonNode schema, Set<String> names) {
        for (JsonNode s : alternatives(doc, schema)) {
            s.path("properties").properties().forEach(p -> {
                if (names.add(p.getKey())) {
                    collectProperties(doc, p.getValue(), names);
                }
            });
        }
    }

    private static JsonNode ref(JsonNode doc, String ref) {
        JsonNode node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
