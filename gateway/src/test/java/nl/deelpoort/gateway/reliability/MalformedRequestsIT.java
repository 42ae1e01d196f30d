package nl.deelpoort.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of malformed requests, generated from the served OpenAPI document for every operation that
 * takes a body or parameters (docs/reliability.md, "Bad input"): a body that is not JSON, truncated, of
 * the wrong type at its root, without each required field, with each field of the wrong type or
 * {@code null}, strings past their length, numbers past any range, nesting 10,000 deep, duplicate
 * keys, unknown fields on a broken body, the wrong Content-Type, no body, charset tricks, and path and
 * query parameters of the wrong type or form. Each is sent with a token of a role that may call the
 * operation (README, "Who may call what"), so the role check passes and the input is what is judged.
 *
 * <p>Every answer must be a 4xx {@code application/problem+json} with a title and a detail, never a
 * 5xx, never a 2xx, never the role refusal; an answer to a broken field must name that field (the
 * 400's detail or the 422's {@code invalidFields}); and nothing is written: no {@code
 * X-Disclosure-Id}, and the log holds as many entries after an operation's corpus as before it. All
 * defects are collected and reported together. Figures per class of input go to {@code
 * target/reliability/malformed-requests.tsv}.
 */
class MalformedRequestsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ROLE_REFUSAL = "Your role does not allow this call.";
    private static final int NESTING = 10_000;
    private static final int UNBOUNDED_STRING = 100_000;
    private static final String INVALID_UTF8_KEY = "charset: invalid UTF-8 in a key";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, int[]> tally = new TreeMap<>();
    private final List<String> defects = new ArrayList<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode document;

    @Test
    void everyMalformedRequestToEveryOperationIsA4xxProblemThatWritesNothing() throws IOException {
        document = JSON.readTree(
                send("GET", "/api/v1/openapi.json", null, null, null).body());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                Operation operation = new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue());
                if (!operation.body() && operation.parameters().isEmpty()) {
                    continue;
                }
                operations++;
                long entriesBefore = logEntries();
                if (operation.body()) {
                    bodies(operation);
                }
                parameters(operation);
                long entriesAfter = logEntries();
                if (entriesAfter != entriesBefore) {
                    defects.add(operation + ": the log grew by " + (entriesAfter - entriesBefore)
                            + " entries during its malformed requests");
                }
            }
        }
        writeTally();
        assertThat(operations).as("operations with a body or parameters").isGreaterThanOrEqualTo(20);
        assertThat(defects)
                .as("defects (figures in target/reliability/malformed-requests.tsv)")
                .isEmpty();
    }

    // ---- bodies ----

    private void bodies(Operation op) {
        JsonNode schema = resolve(op.bodySchema());
        ObjectNode example = op.example().isObject() ? (ObjectNode) op.example() : (ObjectNode) sample(schema);
        String valid = JSON.writeValueAsString(example);
        String json = "application/json";

        for (String notJson : List.of("not json", "{", "{\"a\":}", "<xml/>", "{'single': 'quotes'}", "{\"a\":1}}")) {
            expect4xx(op, "body: not JSON", json, bytes(notJson), null);
        }
        expect4xx(op, "body: truncated", json, bytes(valid.substring(0, valid.length() / 2)), null);
        expect4xx(op, "body: truncated", json, bytes(valid.substring(0, valid.length() - 1)), null);
        for (String root : List.of("[]", "[" + valid + "]", "\"text\"", "42", "-1.5e300", "null", "true")) {
            expect4xx(op, "body: wrong type at the root", json, bytes(root), null);
        }
        expect4xx(op, "missing body", json, new byte[0], "");
        expect4xx(op, "body: deep nesting", json, bytes("[".repeat(NESTING) + "]".repeat(NESTING)), null);

        for (Field field : fields(schema, example, "")) {
            if (field.required()) {
                ObjectNode missing = example.deepCopy();
                remove(missing, field.path());
                expect4xx(op, "body: required field missing", json, bytes(missing), field.path());
                ObjectNode nulled = example.deepCopy();
                put(nulled, field.path(), NODES.nullNode());
                expect4xx(op, "body: null for a required field", json, bytes(nulled), field.path());
            }
            for (JsonNode wrong : wrongTypes(field.schema())) {
                ObjectNode changed = example.deepCopy();
                put(changed, field.path(), wrong);
                expect4xx(op, "body: field of the wrong type", json, bytes(changed), field.path());
            }
            String type = field.schema().path("type").asString("");
            if (type.equals("string")) {
                int length = field.schema().has("maxLength")
                        ? field.schema().path("maxLength").asInt() + 1
                        : UNBOUNDED_STRING;
                ObjectNode huge = example.deepCopy();
                put(huge, field.path(), NODES.stringNode("7".repeat(length)));
                expect4xx(op, "body: huge string", json, bytes(huge), field.path());
            }
            if (type.equals("integer") || type.equals("number")) {
                for (String number : List.of("1e400", "-1e400", "99999999999999999999999999", "1" + "0".repeat(2000))) {
                    ObjectNode changed = example.deepCopy();
                    put(changed, field.path(), NODES.stringNode("\u0000NUMBER"));
                    String body = JSON.writeValueAsString(changed).replace("\"\\u0000NUMBER\"", number);
                    // A number past the JSON reader's length limit is refused before any field is read.
                    expect4xx(op, "body: huge number", json, bytes(body), number.length() > 1000 ? null : field.path());
                }
            }
            String nested = "[".repeat(NESTING) + "]".repeat(NESTING);
            ObjectNode deep = example.deepCopy();
            put(deep, field.path(), NODES.stringNode("\u0000DEEP"));
            expect4xx(
                    op,
                    "body: deep nesting",
                    json,
                    bytes(JSON.writeValueAsString(deep).replace("\"\\u0000DEEP\"", nested)),
                    null);
        }

        // A broken body stays broken with unknown fields added; on a sound body they are ignored
        // (docs/api.md: "extra fields are welcome"), which is not tried here, as it would write.
        Field first = fields(schema, example, "").get(0);
        ObjectNode unknown = example.deepCopy();
        put(unknown, first.path(), wrongTypes(first.schema()).get(0));
        unknown.put("unknownField", "x");
        unknown.set("status", NODES.stringNode("ACTIVE"));
        expect4xx(op, "body: unknown fields on a broken body", json, bytes(unknown), first.path());

        // Duplicate keys: the first property again, after the valid document's own.
        String firstKey = example.properties().iterator().next().getKey();
        String duplicated = valid.substring(0, valid.length() - 1) + ",\"" + firstKey + "\":"
                + JSON.writeValueAsString(example.get(firstKey)) + "}";
        expect4xx(op, "body: duplicate key", json, bytes(duplicated), null);

        expect4xx(op, "content type", "text/plain", bytes(valid), null);
        expect4xx(op, "content type", "application/x-www-form-urlencoded", bytes("subject=999993653"), null);
        expect4xx(op, "content type", "application/xml", bytes("<body/>"), null);
        expect4xx(op, "content type", null, bytes(valid), null);

        // Not tried: "charset=UTF-16" on UTF-8 bytes. JSON is UTF-8 (RFC 8259, 8.1) and the JSON reader
        // tells the encoding from the bytes, so such a body is read as the sound body it is (the
        // first run of this corpus had it accepted on every operation; docs/reliability.md, "Bad input").
        expect4xx(op, "charset", "application/json; charset=no-such-charset", bytes(valid), null);
        byte[] invalidUtf8 = bytes(valid.replaceFirst("\"" + firstKey + "\"", "\"\u0000BAD\""));
        // Invalid UTF-8 inside a key: the JSON reader took it for an unknown key and ignored it, so
        // where the first field is optional the body was accepted; now every body is checked as
        // UTF-8 first (web.Utf8Bodies; docs/reliability.md, "Bad input").
        expect4xx(
                op,
                INVALID_UTF8_KEY,
                json,
                splice(invalidUtf8, bytes("\u0000BAD"), new byte[] {(byte) 0xC3, 0x28}),
                null);
        expect4xx(
                op,
                INVALID_UTF8_KEY,
                json,
                splice(invalidUtf8, bytes("\u0000BAD"), new byte[] {(byte) 0xC0, (byte) 0xA2}),
                null);
    }

    /** JSON values of other types than the schema's, for a field. */
    private List<JsonNode> wrongTypes(JsonNode schema) {
        String type = schema.path("type").asString(schema.has("$ref") ? "object" : "");
        List<JsonNode> all = new ArrayList<>(List.of(
                NODES.numberNode(12345),
                NODES.stringNode("text"),
                NODES.booleanNode(true),
                NODES.objectNode().put("k", 1),
                NODES.arrayNode().add(1)));
        switch (type) {
            case "string" -> all.removeIf(JsonNode::isString);
            case "integer", "number" -> {
                all.removeIf(JsonNode::isNumber);
                all.add(NODES.numberNode(1.5));
            }
            case "boolean" -> all.removeIf(JsonNode::isBoolean);
            case "array" -> all.removeIf(JsonNode::isArray);
            case "object" -> {
                all.removeIf(JsonNode::isObject);
                if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
                    // A free map (a push's payload): any member value is welcome, so only the shape counts.
                    all.removeIf(JsonNode::isObject);
                }
            }
            default -> {}
        }
        return all;
    }

    record Field(String path, JsonNode schema, boolean required) {}

    /** The example's fields, top level and one object down, with their schemas. */
    private List<Field> fields(JsonNode schema, JsonNode example, String prefix) {
        List<Field> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            String path = prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey();
            JsonNode fieldSchema = p.getValue();
            fields.add(new Field(path, fieldSchema, required.contains(p.getKey())));
            JsonNode resolved = resolve(fieldSchema);
            if (prefix.isEmpty()
                    && resolved.has("properties")
                    && example.path(p.getKey()).isObject()) {
                fields.addAll(fields(resolved, example.path(p.getKey()), path));
            }
        }
        return fields;
    }

    /** A value for a schema where the document has no example: the first of an enum, a form that fits. */
    private JsonNode sample(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        String type = s.path("type").asString("object");
        return switch (type) {
            case "string" ->
                NODES.stringNode(
                        s.path("pattern").asString("").contains("[0-9]{9}")
                                ? "999993653"
                                : "date".equals(s.path("format").asString(""))
                                        ? "2026-01-01"
                                        : "uuid".equals(s.path("format").asString(""))
                                                ? UUID.randomUUID().toString()
                                                : "x");
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(sample(s.path("items")));
            default -> {
                ObjectNode o = NODES.objectNode();
                s.path("required")
                        .forEach(r ->
                                o.set(r.asString(), sample(s.path("properties").path(r.asString()))));
                yield o;
            }
        };
    }

    // ---- parameters ----

    private void parameters(Operation op) {
        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            List<String> bad = switch (schema.path("type").asString("")) {
                case "integer" -> List.of("abc", "1.5", "99999999999999999999", "1e3", "0x10", "%D9%A1", "1%00");
                default ->
                    schema.has("enum")
                            ? List.of("NOPE", "pending_review", "%00")
                            : "date".equals(schema.path("format").asString(""))
                                            || name.equals("from")
                                            || name.equals("to")
                                    ? List.of(
                                            "2026-13-45", "2026-02-30", "not-a-date", "%00", "2026-01-01T00:00:00Z%0A")
                                    : List.of("not-a-uuid", "%00", "..%2F..", "1");
            };
            for (String value : bad) {
                String path = op.path();
                StringBuilder query = new StringBuilder();
                for (JsonNode other : op.parameters()) {
                    String otherName = other.path("name").asString();
                    String v = otherName.equals(name) ? value : validParameter(other);
                    if (v == null) {
                        continue;
                    }
                    if ("path".equals(other.path("in").asString())) {
                        path = path.replace("{" + otherName + "}", v);
                    } else {
                        query.append(query.isEmpty() ? "?" : "&")
                                .append(otherName)
                                .append('=')
                                .append(v);
                    }
                }
                String uri = "/api/v1" + path + query;
                byte[] body =
                        op.body() ? bytes(op.example().isObject() ? op.example() : sample(op.bodySchema())) : null;
                expectParameter4xx(
                        op,
                        uri,
                        ("path".equals(parameter.path("in").asString()) ? "path" : "query") + " parameter",
                        body);
            }
        }
        if (op.parameters().stream()
                .anyMatch(p -> p.path("required").asBoolean()
                        && "query".equals(p.path("in").asString()))) {
            expectParameter4xx(op, "/api/v1" + fillPath(op), "query parameter: required one missing", null);
        }
    }

    private String fillPath(Operation op) {
        String path = op.path();
        for (JsonNode p : op.parameters()) {
            if ("path".equals(p.path("in").asString())) {
                path = path.replace("{" + p.path("name").asString() + "}", validParameter(p));
            }
        }
        return path;
    }

    /** A well-formed value for the parameters not under test: an unknown id, seq 1; optional query parameters left out. */
    private static String validParameter(JsonNode parameter) {
        boolean inPath = "path".equals(parameter.path("in").asString());
        if (!inPath && !parameter.path("required").asBoolean()) {
            return null;
        }
        return "integer".equals(parameter.path("schema").path("type").asString(""))
                ? "1"
                : UUID.randomUUID().toString();
    }

    // ---- sending and judging ----

    /** A malformed body to the operation (its path parameters filled in well-formed). */
    private void expect4xx(Operation op, String kind, String contentType, byte[] body, String field) {
        judge(op, kind, send(op.method(), "/api/v1" + fillPath(op), token(op), contentType, body), field);
    }

    /** A request with malformed parameters to {@code uri}, with the operation's example body where it takes one. */
    private void expectParameter4xx(Operation op, String uri, String kind, byte[] body) {
        judge(op, kind, send(op.method(), uri, token(op), body == null ? null : "application/json", body), null);
    }

    private void judge(Operation op, String kind, HttpResponse<String> r, String field) {
        int[] counts = tally.computeIfAbsent(kind, k -> new int[4]);
        counts[0]++;
        String where = op + " [" + kind + (field == null ? "" : ", " + field) + "]: ";
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500) {
            counts[1]++;
            defects.add(where + r.statusCode() + " " + abbreviate(r.body()));
            return;
        }
        if (r.statusCode() < 400) {
            counts[3]++;
            defects.add(where + "accepted with " + r.statusCode() + " " + abbreviate(r.body()));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(r.body());
        } catch (RuntimeException e) {
            problem = NODES.nullNode();
        }
        if (!contentType.startsWith("application/problem+json")
                || problem.path("title").asString("").isBlank()
                || problem.path("detail").asString("").isBlank()) {
            counts[2]++;
            defects.add(
                    where + "not a problem detail: " + r.statusCode() + " " + contentType + " " + abbreviate(r.body()));
            return;
        }
        if (r.statusCode() == 401 || ROLE_REFUSAL.equals(problem.path("detail").asString())) {
            defects.add(where + "refused before the input was judged (" + r.statusCode()
                    + "): the corpus chose the wrong caller");
        }
        if (r.headers().firstValue("X-Disclosure-Id").isPresent()) {
            defects.add(where + "a log entry was written for a malformed request");
        }
        if (field != null && !names(problem, field)) {
            defects.add(where + r.statusCode() + " does not name the field: " + abbreviate(r.body()));
        }
    }

    /** Whether a problem names {@code field}: in a 400's detail, or among a 422's invalidFields (or a part of it). */
    private static boolean names(JsonNode problem, String field) {
        if (problem.path("detail").asString("").contains("'" + field + "'")) {
            return true;
        }
        for (JsonNode invalid : problem.path("invalidFields")) {
            String named = invalid.path("field").asString("");
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A caller of a role the README's table lets through for the operation. */
    private String token(Operation op) {
        String path = op.path();
        String user;
        if (path.startsWith("/me/")) {
            user = "jan.inwoner";
        } else if (path.startsWith("/admin/")) {
            user = "kees.beheer";
        } else if (path.startsWith("/log/")
                || path.startsWith("/audit/")
                || path.equals("/consents/unverified")
                || path.equals("/overrides") && op.method().equals("GET")
                || path.endsWith("/review")) {
            user = "gert.fg";
        } else if (path.startsWith("/measures")) {
            user = "eva.gi";
        } else {
            user = "carla.cmd-waalre";
        }
        return tokens.computeIfAbsent(user, u -> tokens().user(u));
    }

    private long logEntries() {
        return jdbc.queryForObject("SELECT count(*) FROM log_entry", Long.class);
    }

    private void writeTally() throws IOException {
        StringBuilder out = new StringBuilder("input\tinputs\t5xx\tnot_a_problem\taccepted_2xx\n");
        tally.forEach((kind, n) -> out.append(kind)
                .append('\t')
                .append(n[0])
                .append('\t')
                .append(n[1])
                .append('\t')
                .append(n[2])
                .append('\t')
                .append(n[3])
                .append('\n'));
        Path file = Path.of("target", "reliability", "malformed-requests.tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    // ---- the document ----

    private final class Operation {
        private final String method;
        private final String path;
        private final JsonNode node;

        Operation(String method, String path, JsonNode node) {
            this.method = method;
            this.path = path;
            this.node = node;
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        boolean body() {
            return node.has("requestBody");
        }

        JsonNode bodySchema() {
            return node.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
        }

        JsonNode example() {
            JsonNode examples = node.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("examples");
            Iterator<JsonNode> values = examples.values().iterator();
            return values.hasNext() ? values.next().path("value") : NODES.missingNode();
        }

        List<JsonNode> parameters() {
            List<JsonNode> list = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                JsonNode resolved = resolve(p);
                String in = resolved.path("in").asString();
                if (in.equals("path") || in.equals("query")) {
                    list.add(resolved);
                }
            });
            return list;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.path("$ref").asString();
            s = document.at(ref.substring(1));
        }
        return s;
    }

    // ---- small helpers ----

    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.path(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.path(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] splice(byte[] in, byte[] marker, byte[] replacement) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        String m = new String(marker, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(m);
        if (at < 0) {
            return in;
        }
        byte[] out = new byte[in.length - marker.length + replacement.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(replacement, 0, out, at, replacement.length);
        System.arraycopy(in, at + marker.length, out, at + replacement.length, in.length - at - marker.length);
        return out;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
